package io.github.dbperf.test;

import javax.sql.DataSource;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import io.github.dbperf.tracing.StatementSpans;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other datasource-proxy based libraries on the same classpath wrap the DataSource with
 * their own proxies too: datasource-micrometer-spring-boot, and
 * datasource-proxy-spring-boot-starter. dbperf still wraps it once, finds itself through
 * their wrapper, and records every statement once. (The two libraries cannot start
 * together: each is tested alone.)
 */
class CoexistenceTests {

	/**
	 * What both libraries must leave true: dbperf wraps once, is found through the other
	 * wrapper, and records every statement once.
	 */
	abstract static class WrappedOnceAndCountedOnce {

		@Autowired
		private ApplicationContext context;

		@Autowired
		private ShelfRepository shelves;

		abstract String otherAutoConfiguration();

		@Test
		void wrappedOnceAndCountedOnce() throws Exception {
			DataSource dataSource = this.context.getBean(DataSource.class);
			assertThat(DataSourceUnwrapper.unwrap(dataSource, MonitoredDataSource.class)).isNotNull();
			assertThat(this.context.getBean(DataSourceMonitor.class).monitored()).hasSize(1);
			assertThat(this.context.getBeanNamesForType(Class.forName(otherAutoConfiguration()))).isNotEmpty();
			try (RecordedStatements recorded = RecordedStatements.start()) {
				this.shelves.findByName("a");
				this.shelves.findByName("b");
				assertThat(recorded.stop()).hasSelectCount(2).hasStatementCount(2);
			}
		}

	}

	@Nested
	@SpringBootTest(classes = ShelfApplication.class, properties = {
			"spring.autoconfigure.exclude=com.github.gavlyukovskiy.boot.jdbc.decorator.DataSourceDecoratorAutoConfiguration",
			"dbperf.tracing.spans=true" })
	class WithDatasourceMicrometer extends WrappedOnceAndCountedOnce {

		@Autowired
		private ApplicationContext context;

		@Override
		String otherAutoConfiguration() {
			return "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration";
		}

		@Test
		void statementSpansBackOffSoThatNoStatementIsTracedTwice() {
			assertThat(this.context.getBeanNamesForType(StatementSpans.class)).isEmpty();
			assertThat(this.context.containsBean("dbPerfStatementSpansBackOff")).isTrue();
		}

	}

	@Nested
	@SpringBootTest(classes = ShelfApplication.class,
			properties = "spring.autoconfigure.exclude=net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration")
	class WithDatasourceProxyStarter extends WrappedOnceAndCountedOnce {

		@Override
		String otherAutoConfiguration() {
			return "com.github.gavlyukovskiy.boot.jdbc.decorator.DataSourceDecoratorAutoConfiguration";
		}

	}

}

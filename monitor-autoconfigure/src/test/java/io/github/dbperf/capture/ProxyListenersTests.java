package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.autoconfigure.DbPerfAutoConfiguration;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import net.ttddyy.dsproxy.DataSourceProxyException;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application's datasource-proxy listeners on dbperf's wrapper, where the application
 * does not use datasource-proxy's starter: a DataSource it proxied itself, and a listener
 * that fails while a connection is borrowed.
 */
class ProxyListenersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES));

	@Test
	void aDataSourceTheApplicationProxiedWithItsListenerCallsItOnceAStatement() {
		this.contextRunner.withUserConfiguration(OwnProxyConfiguration.class).run((context) -> {
			assertThat(context.getBean(DataSourceMonitor.class).monitored()).hasSize(1);
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(context.getBean(CountingListener.class).queries).containsExactly("select 1");
		});
	}

	@Test
	void aListenerBeanIsCalledOnceAStatementOnAPlainPool() {
		this.contextRunner.withUserConfiguration(PlainPoolConfiguration.class).run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("select 1", Integer.class);
			assertThat(context.getBean(CountingListener.class).queries).containsExactly("select 1");
		});
	}

	@Test
	void aListenerThatFailsWhileAConnectionIsBorrowedFailsItAsUnderDatasourceProxy() {
		this.contextRunner.withUserConfiguration(PlainPoolConfiguration.class)
			.withBean(MethodExecutionListener.class, FailingOnBorrow::new)
			.run((context) -> assertThatExceptionOfType(DataSourceProxyException.class)
				.isThrownBy(() -> context.getBean(DataSource.class).getConnection())
				.withMessage("Failed to perform getConnection")
				.withCauseInstanceOf(IllegalStateException.class));
	}

	static HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:" + name);
		return pool;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProxyConfiguration {

		@Bean
		CountingListener countingListener() {
			return new CountingListener();
		}

		@Bean
		DataSource dataSource(CountingListener listener) {
			return ProxyDataSourceBuilder.create("own", pool("ownproxy")).listener(listener).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainPoolConfiguration {

		@Bean
		CountingListener countingListener() {
			return new CountingListener();
		}

		@Bean
		DataSource dataSource() {
			return pool("plainpool");
		}

	}

	static class CountingListener implements QueryExecutionListener {

		final List<String> queries = new ArrayList<>();

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			queries.forEach((query) -> this.queries.add(query.getQuery()));
		}

	}

	static class FailingOnBorrow implements MethodExecutionListener {

		@Override
		public void beforeMethod(MethodExecutionContext context) {
			if (context.getMethod().getName().equals("getConnection")) {
				throw new IllegalStateException("listener failed");
			}
		}

		@Override
		public void afterMethod(MethodExecutionContext context) {
		}

	}

}

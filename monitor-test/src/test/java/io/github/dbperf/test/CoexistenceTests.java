package io.github.dbperf.test;

import javax.sql.DataSource;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * datasource-micrometer-spring-boot on the same classpath: it wraps the DataSource with
 * its own datasource-proxy too. dbperf still wraps it once and records every statement
 * once.
 */
@SpringBootTest(classes = ShelfApplication.class)
class CoexistenceTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ShelfRepository shelves;

	@Test
	void bothLibrariesWrapAndDbPerfCountsOnce() throws Exception {
		DataSource dataSource = this.context.getBean(DataSource.class);
		assertThat(DataSourceUnwrapper.unwrap(dataSource, MonitoredDataSource.class)).isNotNull();
		assertThat(this.context.getBean(DataSourceMonitor.class).monitored()).hasSize(1);
		assertThat(this.context.getBeanNamesForType(
				Class.forName("net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration")))
			.isNotEmpty();
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.findByName("a");
			this.shelves.findByName("b");
			assertThat(recorded.stop()).hasSelectCount(2).hasStatementCount(2);
		}
	}

}

package io.github.dbperf.test;

import javax.sql.DataSource;

import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.test.app.ShelfApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase migrates through the monitored DataSource: the migration succeeds and its
 * statements are seen.
 */
@SpringBootTest(classes = ShelfApplication.class, properties = { "spring.liquibase.enabled=true",
		"spring.liquibase.change-log=classpath:liquibase/changelog.yaml" })
class LiquibaseMigrationTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private StatementStatistics statistics;

	@Test
	void migrationRunsThroughTheMonitoredDataSource() {
		assertThat(DataSourceUnwrapper.unwrap(this.dataSource, MonitoredDataSource.class)).isNotNull();
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("select body from migrated_note where id = 1",
				String.class))
			.isEqualTo("from liquibase");
		assertThat(this.statistics.top(StatementOrder.CALLS, 1000))
			.anySatisfy((statement) -> assertThat(statement.sql().toLowerCase()).contains("create table")
				.contains("migrated_note"))
			.anySatisfy((statement) -> assertThat(statement.sql().toLowerCase()).contains("databasechangelog"));
	}

}

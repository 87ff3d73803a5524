package io.github.dbperf.capture;

import java.util.List;

import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quoting rules each DataSource learns from its driver: MariaDB's backslash escapes
 * by default, standard strings once the session runs with {@code NO_BACKSLASH_ESCAPES},
 * and PostgreSQL's standard strings with {@code E'...'} escapes. Each statement below is
 * valid only under its database's rules, and its fingerprint keeps what follows the
 * string.
 */
class QuotingOnEnginesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.log=false");

	@Test
	void mariaDbReadsBackslashEscapes() {
		this.contextRunner.withPropertyValues(Engine.MARIADB.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.queryForList("select 'it\\'s' as a, \"say \\\"hi\\\"\" as b from dual where 1 = ?", 1);
			assertThat(fingerprints(context)).contains("select ? as a, ? as b from dual where ? = ?");
		});
	}

	@Test
	void mariaDbWithNoBackslashEscapesReadsStandardStrings() {
		this.contextRunner.withPropertyValues(Engine.MARIADB.dataSourceProperties())
			.withPropertyValues("spring.datasource.hikari.connection-init-sql=set session sql_mode = "
					+ "concat(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
			.run((context) -> {
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				List<String> values = jdbc.queryForList("select 'C:\\' as a from dual where 2 = ?", String.class, 2);
				assertThat(values).containsExactly("C:\\");
				assertThat(fingerprints(context)).contains("select ? as a from dual where ? = ?");
			});
	}

	@Test
	void postgresReadsStandardStringsAndEscapeStrings() {
		this.contextRunner.withPropertyValues(Engine.POSTGRES.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			List<String> values = jdbc.queryForList("select 'C:\\' || E'\\'' as a where 3 = ?", String.class, 3);
			assertThat(values).containsExactly("C:\\'");
			assertThat(fingerprints(context)).contains("select ? || ? as a where ? = ?");
		});
	}

	private static List<String> fingerprints(AssertableApplicationContext context) {
		assertThat(context.getBean(SqlFingerprinter.class).incomplete()).isZero();
		return context.getBean(StatementStatistics.class).fingerprints().stream().map(SqlFingerprint::sql).toList();
	}

}

package io.github.dbperf.reliability;

import java.util.List;

import io.github.dbperf.DbPerf;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.findings.NPlusOneException;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application contexts alive in one JVM, as Spring's test context cache keeps them:
 * each sees only its own statements and findings, and closing one leaves the other whole.
 */
class TwoContextsTests {

	@Test
	void eachContextSeesOnlyItsOwnStatementsAndFindings() {
		try (ConfigurableApplicationContext strict = start("strict", "dbperf.n-plus-one.mode=strict");
				ConfigurableApplicationContext report = start("report", "dbperf.n-plus-one.mode=report")) {
			strict.getBean(AuthorRepository.class).save(new Author("only-in-strict"));
			for (int i = 0; i < 3; i++) {
				report.getBean(AuthorRepository.class).findByName("only-in-report");
			}
			assertThat(sqlOf(strict)).anyMatch((sql) -> sql.startsWith("insert into author"))
				.noneMatch((sql) -> sql.contains("where a1_0.name=?"));
			assertThat(sqlOf(report)).anyMatch((sql) -> sql.contains("where a1_0.name=?"))
				.noneMatch((sql) -> sql.startsWith("insert into author"));

			// A loop in the report context is a finding there, and none in the strict
			// one.
			try (UnitOfWork unit = DbPerf.scope("report-loop")) {
				loop(report);
			}
			assertThat(report.getBean(Findings.class).snapshot()).hasSize(1);
			assertThat(strict.getBean(Findings.class).snapshot()).isEmpty();

			// Closing the report context leaves the strict one's strict mode in force.
			report.close();
			assertThatExceptionOfType(NPlusOneException.class).isThrownBy(() -> {
				try (UnitOfWork unit = DbPerf.scope("strict-loop")) {
					loop(strict);
				}
			});
			assertThat(strict.getBean(Findings.class).snapshot()).hasSize(1);
		}
	}

	@Test
	void statementsBeforeReadyAreStartupInEveryContextWhateverTheOrder() {
		try (ConfigurableApplicationContext first = start("first")) {
			first.getBean(AuthorRepository.class).findByName("after-ready");
			try (ConfigurableApplicationContext second = start("second")) {
				// The schema of each context was created before it was ready: startup in
				// both.
				assertThat(entrypointsOfDdl(first)).containsOnly(UnitOfWork.STARTUP);
				assertThat(entrypointsOfDdl(second)).containsOnly(UnitOfWork.STARTUP);
			}
			// A context closed and a new one started: the new one starts with startup
			// again.
			try (ConfigurableApplicationContext third = start("third")) {
				assertThat(entrypointsOfDdl(third)).containsOnly(UnitOfWork.STARTUP);
				third.getBean(AuthorRepository.class).findByName("third");
				assertThat(third.getBean(StatementStatistics.class).top(StatementOrder.CALLS, 100))
					.filteredOn((statement) -> statement.sql().contains("where a1_0.name=?"))
					.singleElement()
					.satisfies((statement) -> assertThat(statement.calls()).isEqualTo(1));
			}
		}
	}

	private static void loop(ConfigurableApplicationContext context) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		for (int i = 0; i < 5; i++) {
			authors.findByName("loop" + i);
		}
	}

	private static List<String> sqlOf(ConfigurableApplicationContext context) {
		return context.getBean(StatementStatistics.class)
			.top(StatementOrder.CALLS, 1000)
			.stream()
			.map(StatementSnapshot::sql)
			.toList();
	}

	private static List<String> entrypointsOfDdl(ConfigurableApplicationContext context) {
		// The schema's statements, as dbperf's statistics attribute them.
		return context.getBean(StatementStatistics.class)
			.top(StatementOrder.CALLS, 1000)
			.stream()
			.filter((statement) -> statement.sql().startsWith("create table"))
			.flatMap((statement) -> statement.entrypoints().stream())
			.toList();
	}

	private static ConfigurableApplicationContext start(String name, String... properties) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.properties(TestApplication.JPA_PROPERTIES)
			.properties("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "spring.jmx.enabled=false")
			.properties(properties)
			.run();
	}

}

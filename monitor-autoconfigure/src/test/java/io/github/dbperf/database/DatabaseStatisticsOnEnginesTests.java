package io.github.dbperf.database;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.endpoint.DbPerfReports;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.statistics.DatabaseFigures;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The database's own statement statistics on real engines, joined to dbperf's statements:
 * PostgreSQL's {@code pg_stat_statements} and MariaDB's {@code performance_schema}
 * digests. A workload with a known full scan, a known rows-examined blow-up and indexed
 * lookups: findings for the first two, none for the third. H2 keeps none: one INFO line.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStatisticsOnEnginesTests {

	private static final String LOOKUP = "select id, note from item where id = ?";

	private static final String FULL_SCAN = "select count(*) from item where note = ?";

	private static final String BLOW_UP = "select id from item where category = ? and note = ?";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.log=false", "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=dbperf");

	@Test
	void mariaDbDigestsNameTheFullScanAndTheRowsExaminedBlowUp() {
		this.contextRunner.withPropertyValues(Engine.MARIADB.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.execute("create table item (id int primary key, category int, note varchar(40))");
			jdbc.execute("create index item_category on item (category)");
			jdbc.execute("insert into item select seq, mod(seq, 40), concat('note ', seq) from seq_1_to_20000");
			jdbc.queryForList("analyze table item");
			DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
			// Reads happen when the test says, never in between (the first scheduled one
			// comes 5 s after start).
			database.stopScheduledReads();
			database.readNow();
			workload(jdbc);
			database.readNow();

			DatabaseFigures lookup = figures(context, LOOKUP);
			assertThat(lookup.source()).isEqualTo("performance_schema.events_statements_summary_by_digest");
			assertThat(lookup.calls()).isEqualTo(20);
			assertThat(lookup.rows()).isEqualTo(20);
			assertThat(lookup.rowsExamined()).isEqualTo(20);
			assertThat(lookup.noIndexUsed()).isZero();
			assertThat(lookup.sharedBlocksRead()).isNull();
			assertThat(lookup.totalMillis()).isPositive();
			// Two clocks (server and client) over the same executions: which is larger is
			// the machine's
			// business, not a property; the difference is what the view reports.
			assertThat(lookup.clientMillis()).isPositive();
			assertThat(lookup.clientMinusServerMillis()).isCloseTo(lookup.clientMillis() - lookup.totalMillis(),
					within(0.002));
			DatabaseFigures scan = figures(context, FULL_SCAN);
			assertThat(scan.rowsExamined()).isEqualTo(10 * 20000);
			assertThat(scan.noIndexUsed()).isEqualTo(10);
			DatabaseFigures blowUp = figures(context, BLOW_UP);
			// Through the index on category: 500 rows examined for at most one returned.
			assertThat(blowUp.rowsExamined()).isGreaterThanOrEqualTo(10 * 500);
			assertThat(blowUp.noIndexUsed()).isZero();

			assertThat(kinds(context, FULL_SCAN)).contains(FindingKind.NO_INDEX, FindingKind.ROWS_EXAMINED);
			assertThat(kinds(context, BLOW_UP)).containsExactly(FindingKind.ROWS_EXAMINED);
			assertThat(kinds(context, LOOKUP)).isEmpty();
			assertThat(findings(context, BLOW_UP).get(0).suggestions().get(0)).contains("add an index");

			DatabaseView view = database.views().get(0);
			report("MariaDB", view);
			assertThat(view.status()).isEqualTo("reading");
			assertThat(view.matchRate()).isGreaterThan(0.5);
			assertThat(view.matchedStatements()).isGreaterThanOrEqualTo(3);

			// Statements nobody monitored: listed from the server's digest text.
			assertElsewhereWithoutValues(context, database, "from `item` where `note` like");
		});
	}

	@Test
	void postgresStatementsNameTheDiskReadsAndSurviveAReset() {
		this.contextRunner.withPropertyValues(Engine.POSTGRES.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.execute("create extension if not exists pg_stat_statements");
			jdbc.execute("create table item (id int primary key, category int, note varchar(200))");
			jdbc.execute("create index item_category on item (category)");
			jdbc.execute(
					"insert into item select g, g % 4, 'note ' || g || repeat('x', 120) from generate_series(1, 60000) g");
			jdbc.execute("checkpoint");
			DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
			// Reads happen when the test says, never in between (the first scheduled one
			// comes 5 s after start).
			database.stopScheduledReads();
			database.readNow();
			workload(jdbc);
			database.readNow();

			report("PostgreSQL", database.views().get(0));
			assertThat(database.views().get(0).matchRate()).isGreaterThan(0.5);
			DatabaseFigures lookup = figures(context, LOOKUP);
			assertThat(lookup.source()).isEqualTo("pg_stat_statements");
			assertThat(lookup.calls()).isEqualTo(20);
			assertThat(lookup.rows()).isEqualTo(20);
			assertThat(lookup.rowsExamined()).isNull();
			assertThat(lookup.sharedBlocksHit()).isPositive();
			DatabaseFigures scan = figures(context, FULL_SCAN);
			assertThat(scan.sharedBlocksRead()).isGreaterThanOrEqualTo(1000);
			assertThat(kinds(context, FULL_SCAN)).containsExactly(FindingKind.DISK_READS);
			assertThat(kinds(context, LOOKUP)).isEmpty();
			assertThat(findings(context, FULL_SCAN).get(0).suggestions().get(0)).contains("came from disk");

			// A reset of the view between reads: the next read is a new baseline, nothing
			// goes negative.
			jdbc.execute("select pg_stat_statements_reset()");
			for (int i = 0; i < 3; i++) {
				jdbc.queryForList(LOOKUP, i + 1);
			}
			database.readNow();
			assertThat(figures(context, LOOKUP).calls()).isEqualTo(20);
			for (int i = 0; i < 3; i++) {
				jdbc.queryForList(LOOKUP, i + 1);
			}
			database.readNow();
			assertThat(figures(context, LOOKUP).calls()).isEqualTo(23);

			// Statements nobody monitored: the costliest.
			assertElsewhereWithoutValues(context, database, "from item where note like");
			assertThat(context.getBean(MeterRegistry.class)
				.get("dbperf.database.reads")
				.tag("outcome", "success")
				.functionCounter()
				.count()).isGreaterThanOrEqualTo(4);
		});
	}

	@Test
	void h2KeepsNoneAndSaysSoOnce(CapturedOutput output) {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
			// Reads happen when the test says, never in between (the first scheduled one
			// comes 5 s after start).
			database.stopScheduledReads();
			database.readNow();
			database.readNow();
			assertThat(database.views()).singleElement()
				.satisfies((view) -> assertThat(view.status()).startsWith("unavailable: H2 keeps no statement"));
			assertThat(database.unavailable()).isEqualTo(2);
			assertThat(output.getOut().split("does not read server-side statement statistics")).hasSize(2);
		});
	}

	@Test
	void readsAreScheduledWithoutAnyoneAsking() throws InterruptedException {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.database-statistics.interval=1s")
			.run((context) -> {
				DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
				// Waits for the event (two scheduled reads), bounded: nothing here
				// depends on how fast they come.
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (database.unavailable() < 2 && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(database.unavailable()).isGreaterThanOrEqualTo(2);
				assertThat(database.views()).singleElement()
					.satisfies((view) -> assertThat(view.status()).startsWith("unavailable: H2 keeps no statement"));
			});
	}

	@Test
	void postgresWithoutTheExtensionSaysWhy(CapturedOutput output) {
		this.contextRunner.withPropertyValues(Engine.POSTGRES.dataSourceProperties()).run((context) -> {
			DatabaseStatistics database = context.getBean(DatabaseStatistics.class);
			// Reads happen when the test says, never in between (the first scheduled one
			// comes 5 s after start).
			database.stopScheduledReads();
			database.readNow();
			assertThat(database.views().get(0).status()).contains("pg_stat_statements is not installed");
			assertThat(output.getOut()).contains("CREATE EXTENSION pg_stat_statements");
		});
	}

	@Test
	void offByProperty() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.database-statistics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseStatistics.class));
	}

	/** The match rate on the test workload, for the README and the closing note. */
	/**
	 * Five statements with a literal in them run on the unwrapped pool are listed as run
	 * from elsewhere, with their calls and without the literal.
	 */
	private static void assertElsewhereWithoutValues(ApplicationContext context, DatabaseStatistics database,
			String text) {
		JdbcTemplate unmonitored = new JdbcTemplate(
				context.getBean(io.github.dbperf.capture.DataSourceMonitor.class).target("dataSource"));
		for (int i = 0; i < 5; i++) {
			unmonitored.queryForList("select count(*) from item where note like 'secret " + i + "%'");
		}
		database.readNow();
		DatabaseView view = database.views().get(0);
		assertThat(view.elsewhere()).anySatisfy((statement) -> {
			assertThat(statement.sql()).containsIgnoringCase(text);
			assertThat(statement.calls()).isEqualTo(5);
		});
		assertThat(view.elsewhere().toString()).doesNotContain("secret");
	}

	private static void report(String engine, DatabaseView view) {
		LoggerFactory.getLogger(DatabaseStatisticsOnEnginesTests.class)
			.info("{}: {} of {} server statements matched, {} of executions", engine, view.matchedStatements(),
					view.serverStatements(), view.matchRate());
		LoggerFactory.getLogger(DatabaseStatisticsOnEnginesTests.class)
			.info("{}: not matched: {}", engine, view.elsewhere());
	}

	private static void workload(JdbcTemplate jdbc) {
		for (int i = 0; i < 20; i++) {
			jdbc.queryForList(LOOKUP, i + 1);
		}
		for (int i = 0; i < 10; i++) {
			jdbc.queryForObject(FULL_SCAN, Long.class, "nobody " + i);
			jdbc.queryForList(BLOW_UP, 1, "note " + i);
		}
	}

	private static DatabaseFigures figures(ApplicationContext context, String sql) {
		String id = context.getBean(SqlFingerprinter.class).fingerprint(sql).id();
		DatabaseFigures figures = context.getBean(DatabaseStatistics.class).figures(id);
		assertThat(figures).as("database figures of " + sql).isNotNull();
		assertThat(context.getBean(DbPerfReports.class).statement(id).statement().database()).isEqualTo(figures);
		return figures;
	}

	private static List<Finding> findings(ApplicationContext context, String sql) {
		String id = context.getBean(SqlFingerprinter.class).fingerprint(sql).id();
		return context.getBean(DbPerfReports.class)
			.report(StatementOrder.TOTAL, 100)
			.findings()
			.stream()
			.filter((finding) -> finding.id().equals(id))
			.toList();
	}

	private static List<FindingKind> kinds(ApplicationContext context, String sql) {
		return findings(context, sql).stream().map(Finding::kind).toList();
	}

}

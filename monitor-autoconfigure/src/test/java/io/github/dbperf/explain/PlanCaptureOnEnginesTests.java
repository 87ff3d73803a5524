package io.github.dbperf.explain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.endpoint.DbPerfReports;
import io.github.dbperf.endpoint.StatementDetail;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plans of slow SELECTs on each real engine: an unindexed query shows its scan, the same
 * query after an index shows the index; a slow UPDATE gets no plan.
 */
class PlanCaptureOnEnginesTests {

	private static final String QUERY = "select id, title from plan_book where author_id = ?";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.explain.enabled=true", "dbperf.explain.interval=0s",
				"dbperf.slow-query.threshold=1ns", "dbperf.slow-query.log=false", "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=dbperf");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void planShowsTheScanThenTheIndex(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			createBooks(jdbc);
			PlanCapture plans = context.getBean(PlanCapture.class);
			String id = context.getBean(SqlFingerprinter.class).fingerprint(QUERY).id();

			Instant before = Instant.now();
			jdbc.queryForList(QUERY, 137);
			ExecutionPlan scan = awaitPlan(plans, id, before);
			assertThat(scan.summary().toLowerCase()).satisfiesAnyOf(
					(summary) -> assertThat(summary).contains("seq scan on plan_book"),
					(summary) -> assertThat(summary).contains("full table scan on plan_book"));
			assertThat(scan.raw()).as("raw output may hold values: not kept by default").isNull();
			assertThat(scan.outline()).isNotEmpty();

			jdbc.execute("create index plan_book_author on plan_book (author_id)");
			if (engine == Engine.POSTGRES) {
				jdbc.execute("analyze plan_book");
			}
			if (engine == Engine.MARIADB) {
				jdbc.queryForList("analyze table plan_book");
			}
			Instant afterIndex = Instant.now();
			jdbc.queryForList(QUERY, 137);
			ExecutionPlan indexed = awaitPlan(plans, id, afterIndex);
			assertThat(indexed.summary().toLowerCase()).contains("plan_book_author");

			StatementDetail detail = context.getBean(DbPerfReports.class).statement(id);
			assertThat(detail.plan()).isEqualTo(plans.plan(id));
			assertThat(context.getBean(DbPerfReports.class)
				.report(io.github.dbperf.statistics.StatementOrder.TOTAL, 1000)
				.slowQueries()).anySatisfy((slow) -> assertThat(slow.plan()).isEqualTo(indexed.summary()));

			String secret = "select id from plan_book where title = 'hunter2' and author_id <= ?";
			Instant beforeSecret = Instant.now();
			jdbc.queryForList(secret, 4242);
			ExecutionPlan secretPlan = awaitPlan(plans,
					context.getBean(SqlFingerprinter.class).fingerprint(secret).id(), beforeSecret);
			assertThat(secretPlan.toString()).doesNotContain("hunter2").doesNotContain("4242");

			String update = "update plan_book set title = ? where id = ?";
			jdbc.update(update, "changed", 1);
			String updateId = context.getBean(SqlFingerprinter.class).fingerprint(update).id();
			long captured = plans.captured();
			jdbc.queryForList("select count(*) from plan_book");
			await().atMost(Duration.ofSeconds(10)).until(() -> plans.captured() > captured);
			assertThat(plans.plan(updateId)).isNull();
		});
	}

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = "H2")
	void rawOutputIsKeptOnlyWhenParametersAreIncluded(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("dbperf.sql.include-parameters=true")
			.run((context) -> {
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				createBooks(jdbc);
				Instant before = Instant.now();
				jdbc.queryForList(QUERY, 137);
				String id = context.getBean(SqlFingerprinter.class).fingerprint(QUERY).id();
				ExecutionPlan plan = awaitPlan(context.getBean(PlanCapture.class), id, before);
				assertThat(plan.raw()).contains("PLAN_BOOK");
			});
	}

	private static ExecutionPlan awaitPlan(PlanCapture plans, String id, Instant after) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> plans.plan(id) != null && !plans.plan(id).capturedAt().isBefore(after));
		return plans.plan(id);
	}

	static void createBooks(JdbcTemplate jdbc) {
		jdbc.execute("create table plan_book (id bigint primary key, author_id bigint not null, title varchar(100))");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= 20_000; i++) {
			rows.add(new Object[] { i, i % 200, "Title " + i });
		}
		jdbc.batchUpdate("insert into plan_book (id, author_id, title) values (?, ?, ?)", rows);
		// Statistics so PostgreSQL's planner knows the table's size.
		String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		if ("PostgreSQL".equals(product)) {
			jdbc.execute("analyze plan_book");
		}
	}

}

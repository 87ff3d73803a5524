package io.github.dbperf.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.Findings;

import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 16 threads × 10,000 statements on real engines: counts exact, no deadlock (everything
 * ends within a bound far beyond what a loaded machine needs), no connection leaked, and
 * what dbperf keeps bounded by structure: one tracked statement and one finding however
 * often they ran.
 */
class LoadTests {

	private static final int THREADS = 16;

	private static final int STATEMENTS = 10_000;

	private static final String SQL = "select count(*) from author where id = ?";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("spring.datasource.hikari.maximum-pool-size=8", "dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "H2", "POSTGRES" })
	void sixteenThreadsTenThousandStatementsEach(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			StatementStatistics statistics = context.getBean(StatementStatistics.class);
			double selectsBefore = registry.find("dbperf.statements")
				.tag("repository", "none")
				.tag("operation", "select")
				.timers()
				.stream()
				.mapToDouble((timer) -> timer.count())
				.sum();
			int trackedBefore = statistics.tracked();
			ExecutorService executor = Executors.newFixedThreadPool(THREADS);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int batch = 0; batch < STATEMENTS / 100; batch++) {
						try (Scope unit = DbPerf.scope("load")) {
							for (int i = 0; i < 100; i++) {
								jdbc.queryForObject(SQL, Long.class, i);
							}
						}
					}
					return null;
				}));
			}
			long begin = System.nanoTime();
			start.countDown();
			long deadline = begin + TimeUnit.MINUTES.toNanos(5);
			for (Future<?> future : futures) {
				// No deadlock: everything finishes within the bound.
				future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			executor.shutdown();

			long expected = (long) THREADS * STATEMENTS;
			String id = context.getBean(SqlFingerprinter.class).fingerprint(SQL).id();
			assertThat(statistics.get(id).calls()).isEqualTo(expected);
			assertThat(registry.find("dbperf.statements")
				.tag("repository", "none")
				.tag("operation", "select")
				.timers()
				.stream()
				.mapToDouble((timer) -> timer.count())
				.sum()).isEqualTo(selectsBefore + expected);
			assertThat(registry.get("dbperf.unit.statements").tag("entrypoint", "load").summary().count())
				.isEqualTo(THREADS * STATEMENTS / 100);
			HikariDataSource pool = context.getBean(DataSource.class).unwrap(HikariDataSource.class);
			assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
			// Bounded by structure: one statement tracked however often it ran, one
			// finding per entry point.
			assertThat(statistics.tracked()).isEqualTo(trackedBefore + 1);
			// (Sixteen threads on a pool of ten: on a loaded machine one may wait long
			// enough
			// for a POOL_WAIT finding, which is right; the loop is one N+1 finding.)
			assertThat(context.getBean(Findings.class).snapshot())
				.filteredOn((finding) -> finding.kind() == FindingKind.N_PLUS_ONE)
				.singleElement()
				.satisfies((finding) -> {
					assertThat(finding.entrypoint()).isEqualTo("load");
					assertThat(finding.occurrences()).isEqualTo(THREADS * STATEMENTS / 100);
					assertThat(finding.maxRepetitions()).isEqualTo(100);
				});
		});
	}

}

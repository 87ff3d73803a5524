package io.github.dbperf.explain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.Borrows;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.ProxyListeners;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.StatementSinks;
import io.github.dbperf.internal.InternalFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plan capture never makes the caller wait: with the capture thread held up, the caller's
 * slow SELECTs return at once, one request waits in the queue and the rest are dropped
 * and counted.
 */
class PlanCaptureQueueTests {

	@Test
	void fullQueueDropsAndCountsWithoutDelayingTheCaller() throws Exception {
		try (HikariDataSource pool = DataSourceBuilder.create()
			.url("jdbc:h2:mem:planqueue;DB_CLOSE_DELAY=-1")
			.type(HikariDataSource.class)
			.build()) {
			CountDownLatch release = new CountDownLatch(1);
			PlanCapture plans = new PlanCapture((name) -> {
				// The capture thread is held here until the test lets it go.
				hold(release);
				return pool;
			}, Duration.ZERO, 1, Duration.ofSeconds(5), false);
			InternalFailures failures = new InternalFailures();
			DataSourceMonitor monitor = new DataSourceMonitor(new SqlFingerprinter(),
					new StatementSinks(List.of(plans), new StatementRecorders(failures), failures),
					new UnitsOfWork(failures), java.util.Set.of(), new SlowQueryThreshold(Duration.ofNanos(1)), null,
					(name) -> Borrows.NONE, new WallClock(), () -> ProxyListeners.NONE);
			DataSource dataSource = monitor.wrap("planqueue", pool);
			try {
				for (int i = 1; i <= 5; i++) {
					// Returns while the capture thread is held: plan capture never runs
					// on the caller.
					query(dataSource, "select " + i + " as c" + i + " where 1 = ?");
				}
				// One request is running (held), one waits in the queue of 1, three are
				// dropped.
				assertThat(plans.dropped()).isEqualTo(3);
				assertThat(plans.captured()).isZero();
				release.countDown();
				await().atMost(Duration.ofSeconds(10)).until(() -> plans.captured() == 2);
			}
			finally {
				plans.close();
			}
		}
	}

	private static void query(DataSource dataSource, String sql) throws Exception {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, 1);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).isTrue();
			}
		}
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package io.github.dbperf.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.StatementEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatementStatisticsTests {

	@Test
	void totalsArePerFingerprint() {
		StatementStatistics statistics = new StatementStatistics(100);
		statistics.accept(StatementEvents.of("select * from t where id = 1", 2_000_000));
		statistics.accept(StatementEvents.of("select * from t where id = 2", 4_000_000));
		statistics.accept(StatementEvents.of("delete from t", 1_000_000));
		StatementSnapshot select = statistics.top(StatementOrder.CALLS, 1).get(0);
		assertThat(select.sql()).isEqualTo("select * from t where id = ?");
		assertThat(select.calls()).isEqualTo(2);
		assertThat(select.totalMillis()).isEqualTo(6.0);
		assertThat(select.meanMillis()).isEqualTo(3.0);
		assertThat(select.minMillis()).isEqualTo(2.0);
		assertThat(select.maxMillis()).isEqualTo(4.0);
		assertThat(select.p99Millis()).isBetween(3.6, 4.0);
		assertThat(select.datasources()).containsExactly("dataSource");
		assertThat(statistics.get(select.id())).isEqualTo(select);
		assertThat(statistics.get("0000000000000000")).isNull();
	}

	@Test
	void topStatementsFollowTheRequestedOrder() {
		StatementStatistics statistics = new StatementStatistics(100);
		// "many": 10 calls of 1 ms; "slow": 1 call of 50 ms; "mid": 3 calls of 5 ms, one
		// 9 ms
		for (int i = 0; i < 10; i++) {
			statistics.accept(StatementEvents.of("select many", 1_000_000));
		}
		statistics.accept(StatementEvents.of("select slow", 50_000_000));
		statistics.accept(StatementEvents.of("select mid", 5_000_000));
		statistics.accept(StatementEvents.of("select mid", 5_000_000));
		statistics.accept(StatementEvents.of("select mid", 9_000_000));
		assertThat(sqlOf(statistics.top(StatementOrder.TOTAL, 3))).containsExactly("select slow", "select mid",
				"select many");
		assertThat(sqlOf(statistics.top(StatementOrder.CALLS, 3))).containsExactly("select many", "select mid",
				"select slow");
		assertThat(sqlOf(statistics.top(StatementOrder.MEAN, 3))).containsExactly("select slow", "select mid",
				"select many");
		assertThat(sqlOf(statistics.top(StatementOrder.MAX, 2))).containsExactly("select slow", "select mid");
		assertThat(sqlOf(statistics.top(StatementOrder.P99, 3))).containsExactly("select slow", "select mid",
				"select many");
		assertThat(StatementOrder.of("P99")).isEqualTo(StatementOrder.P99);
		assertThatIllegalArgumentException().isThrownBy(() -> StatementOrder.of("fastest"))
			.withMessageContaining("total, mean, max, calls, p99");
	}

	@Test
	void repositoriesThatIssuedAStatementAreListed() {
		StatementStatistics statistics = new StatementStatistics(100);
		var fingerprint = StatementEvents.fingerprint("select * from t where id = ?");
		statistics.accept(StatementEvents.of(fingerprint, 1000, new RepositoryMethod("TRepository", "findById")));
		statistics.accept(StatementEvents.of(fingerprint, 1000, new RepositoryMethod("TRepository", "findById")));
		statistics.accept(StatementEvents.of(fingerprint, 1000, new RepositoryMethod("URepository", "load")));
		assertThat(statistics.get(fingerprint.id()).repositories()).containsExactlyInAnyOrder("TRepository.findById",
				"URepository.load");
	}

	@Test
	void leastUsedAreEvictedAndCountedWhenFull() {
		StatementStatistics statistics = new StatementStatistics(100);
		for (int i = 0; i < 150; i++) {
			// One statement the application keeps running, among many it runs once.
			statistics.accept(StatementEvents.of("select hot from t", 1000));
			statistics.accept(StatementEvents.of("select c" + i + " from t", 1000));
		}
		assertThat(statistics.tracked()).isLessThanOrEqualTo(100);
		assertThat(statistics.evictions()).isEqualTo(151 - statistics.tracked());
		assertThat(sqlOf(statistics.top(StatementOrder.CALLS, 1))).containsExactly("select hot from t");
		statistics.reset();
		assertThat(statistics.tracked()).isZero();
	}

	@Test
	void exactUnderConcurrency() throws Exception {
		StatementStatistics statistics = new StatementStatistics(5000);
		int threads = 8;
		int perThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					statistics.accept(StatementEvents.cached("select * from t where k = " + (i % 10), 1000 + i));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
		executor.shutdown();
		List<StatementSnapshot> top = statistics.top(StatementOrder.CALLS, 10);
		assertThat(top).hasSize(1);
		assertThat(top.get(0).calls()).isEqualTo((long) threads * perThread);
	}

	@Test
	void aMillionDistinctStatementsStayWithinTheBound() {
		StatementStatistics statistics = new StatementStatistics(5000);
		for (int i = 0; i < 1_000_000; i++) {
			statistics.accept(StatementEvents.of("select col" + i + " from table_" + i + " where id = ?", 1000));
			if (i % 100_000 == 0) {
				// The bound holds all along, not only at the end.
				assertThat(statistics.tracked()).isLessThanOrEqualTo(5000);
			}
		}
		// Structure, not heap readings: at most 5,000 entries (each of a bounded size,
		// measured by the
		// StatisticsMemory benchmark), every other statement evicted and counted.
		assertThat(statistics.tracked()).isLessThanOrEqualTo(5000);
		assertThat(statistics.top(StatementOrder.CALLS, 10_000)).hasSize(statistics.tracked());
		assertThat(statistics.evictions()).isEqualTo(1_000_000 - statistics.tracked());
	}

	private static List<String> sqlOf(List<StatementSnapshot> snapshots) {
		return snapshots.stream().map(StatementSnapshot::sql).toList();
	}

}

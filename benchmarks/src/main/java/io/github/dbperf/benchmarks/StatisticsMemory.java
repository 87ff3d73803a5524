package io.github.dbperf.benchmarks;

import java.lang.management.ManagementFactory;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Outcome;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.statistics.StatementStatistics;

/**
 * Retained heap of the statistics store (default settings: 5,000 fingerprints) after
 * 1,000,000 distinct SQL strings, then 65 minutes in which every tracked statement ran
 * from three entry points (its windows full), measured as the heap difference after full
 * GCs. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.dbperf.benchmarks.StatisticsMemory}
 */
public final class StatisticsMemory {

	private StatisticsMemory() {
	}

	public static void main(String[] args) {
		int distinct = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		SqlFingerprinter fingerprinter = new SqlFingerprinter();
		long before = usedHeapAfterGc();
		StatementStatistics statistics = new StatementStatistics(5000);
		long start = System.nanoTime();
		for (int i = 0; i < distinct; i++) {
			String sql = "select t" + i + ".id, t" + i + ".name, t" + i + ".created from table_" + i + " t" + i
					+ " where t" + i + ".id = ? and t" + i + ".status in (?, ?, ?)";
			statistics.accept(new StatementEvent("dataSource", fingerprinter.fingerprint(sql), sql, 1000 + i % 5000, 0,
					-1, Outcome.SUCCESS, RepositoryMethod.NONE, RepositoryMethod.NONE, "none",
					io.github.dbperf.attribution.OrmCause.JDBC, false, 0, java.util.List.of(), "main",
					System.currentTimeMillis()));
		}
		long elapsed = System.nanoTime() - start;
		// The worst case for the windows: every tracked statement ran in each of the last
		// 65
		// minutes, from three entry points, over more latency buckets than a minute
		// keeps.
		java.util.List<io.github.dbperf.statistics.StatementSnapshot> tracked = statistics
			.top(io.github.dbperf.statistics.StatementOrder.CALLS, 5000);
		long minute = System.currentTimeMillis() / 60_000;
		for (int m = 1; m <= 65; m++) {
			for (io.github.dbperf.statistics.StatementSnapshot snapshot : tracked) {
				io.github.dbperf.capture.SqlFingerprint fingerprint = fingerprinter.fingerprint(snapshot.sql());
				for (int call = 0; call < 8; call++) {
					statistics.accept(
							new StatementEvent("dataSource", fingerprint, snapshot.sql(), (1L << (call + 10)) * 1000, 0,
									-1, Outcome.SUCCESS, RepositoryMethod.NONE, RepositoryMethod.NONE,
									"GET /route/" + (call % 3), io.github.dbperf.attribution.OrmCause.JDBC, false, 0,
									java.util.List.of(), "main", System.currentTimeMillis()));
				}
			}
			statistics.minuteEnded(minute + m);
		}
		tracked = null;
		fingerprinter = null;
		long after = usedHeapAfterGc();
		System.out.printf("distinct statements:    %,d%n", distinct);
		System.out.printf("tracked / evicted:      %,d / %,d%n", statistics.tracked(), statistics.evictions());
		System.out.printf("retained heap of store: %.1f MiB (%,d bytes, %,d bytes per tracked statement)%n",
				(after - before) / 1024.0 / 1024.0, after - before,
				(after - before) / Math.max(statistics.tracked(), 1));
		System.out.printf("time:                   %.1f s (%.2f µs per statement, fingerprint included)%n",
				elapsed / 1e9, elapsed / 1e3 / distinct);
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 4; i++) {
			System.gc();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}

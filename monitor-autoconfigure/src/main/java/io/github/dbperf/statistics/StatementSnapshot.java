package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.List;

/**
 * What is known about one statement fingerprint at a moment. Times in milliseconds.
 *
 * @param id the fingerprint id
 * @param sql the fingerprint text
 * @param operation {@code select}, {@code insert}, ...
 * @param datasources the DataSources it ran on
 * @param calls executions
 * @param errors executions that failed
 * @param rows rows changed, as reported by the driver
 * @param totalMillis total time
 * @param meanMillis mean time
 * @param minMillis fastest execution
 * @param maxMillis slowest execution
 * @param p95Millis 95th percentile (estimated within about 9%)
 * @param p99Millis 99th percentile (estimated within about 9%)
 * @param firstSeen first execution
 * @param lastSeen latest execution
 * @param repositories {@code Repository.method} that issued it (at most 16)
 */
public record StatementSnapshot(String id, String sql, String operation, List<String> datasources, long calls,
		long errors, long rows, double totalMillis, double meanMillis, double minMillis, double maxMillis,
		double p95Millis, double p99Millis, Instant firstSeen, Instant lastSeen, List<String> repositories) {

}

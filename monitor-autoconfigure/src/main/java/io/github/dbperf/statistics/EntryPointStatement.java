package io.github.dbperf.statistics;

/**
 * What one entry point ran of one statement, since start.
 *
 * @param id the fingerprint id
 * @param sql the fingerprint text
 * @param calls executions from this entry point
 * @param totalMillis their time
 */
public record EntryPointStatement(String id, String sql, long calls, double totalMillis) {

}

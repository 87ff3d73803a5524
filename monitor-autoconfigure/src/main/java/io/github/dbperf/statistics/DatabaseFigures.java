package io.github.dbperf.statistics;

/**
 * One statement as the database saw it, summed over dbperf's reads of its statement
 * statistics (differences between reads, never the server's lifetime totals). Figures the
 * database does not keep are {@code null}. Times in milliseconds.
 *
 * @param source the view read ({@code pg_stat_statements}, ...)
 * @param calls executions the server counted
 * @param totalMillis server execution time
 * @param meanMillis server execution time per execution
 * @param planningMillis planning time (PostgreSQL 13+ with {@code track_planning})
 * @param rows rows returned (or affected)
 * @param rowsExamined rows the server read to produce them (MariaDB, MySQL)
 * @param sharedBlocksHit blocks found in the buffer cache (PostgreSQL)
 * @param sharedBlocksRead blocks read from disk (PostgreSQL)
 * @param tempBlocks temporary blocks read and written (PostgreSQL)
 * @param noIndexUsed executions that used no (good) index (MariaDB, MySQL)
 * @param clientMillis dbperf's own time for the statement over the same intervals
 * @param clientMinusServerMillis the difference: network, driver and pool
 */
public record DatabaseFigures(String source, long calls, double totalMillis, double meanMillis, Double planningMillis,
		long rows, Long rowsExamined, Long sharedBlocksHit, Long sharedBlocksRead, Long tempBlocks, Long noIndexUsed,
		double clientMillis, double clientMinusServerMillis) {

}

package io.github.dbperf.statistics;

/**
 * The connections one entry point borrowed from one DataSource in a window.
 *
 * @param dataSource the DataSource's bean name
 * @param entrypoint the entry point ({@code startup} and {@code none} for work outside
 * any unit)
 * @param borrows connections borrowed
 * @param units units of work that borrowed at least one
 * @param connectionsPerUnit borrows per such unit
 * @param waitP95Millis 95th percentile of the pool's wait
 * @param waitMaxMillis the longest wait (within a window: to its histogram bucket)
 * @param waitMillis the pool's wait, summed
 * @param heldP95Millis 95th percentile of the time a connection was held
 * @param heldMaxMillis the longest
 * @param heldMillis time held, summed
 * @param idleInTransactionMillis time held inside transactions with no statement running
 * @param idleInTransactionPercent that time's share of the time held
 */
public record ConnectionSnapshot(String dataSource, String entrypoint, long borrows, long units,
		double connectionsPerUnit, double waitP95Millis, double waitMaxMillis, long waitMillis, double heldP95Millis,
		double heldMaxMillis, double heldMillis, double idleInTransactionMillis, double idleInTransactionPercent) {

}

package io.github.dbperf.statistics;

/**
 * What every statement added up to over a {@link Window}.
 *
 * @param statements statements executed
 * @param errors statements that failed
 * @param nanos database time of all of them
 * @param startupNanos the part run before the application was ready
 * @param backgroundNanos the part run after it outside any unit of work (threads no
 * request, scheduled task or scope owned)
 */
public record StatementTotals(long statements, long errors, long nanos, long startupNanos, long backgroundNanos) {

	/**
	 * The database time units of work and background threads account for, startup left
	 * out.
	 * @return nanoseconds, never negative
	 */
	public long nanosAfterStartup() {
		return Math.max(0, this.nanos - this.startupNanos);
	}

}

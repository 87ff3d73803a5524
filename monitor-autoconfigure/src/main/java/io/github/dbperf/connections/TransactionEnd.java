package io.github.dbperf.connections;

/**
 * One transaction on a borrowed connection, from its beginning (auto-commit switched off,
 * the previous commit, or the borrow) to its commit or rollback.
 *
 * @param nanos how long it held the connection
 * @param dbNanos how long statements ran in it
 * @param statements how many ran
 * @param committed {@code true} for a commit, {@code false} for a rollback
 */
public record TransactionEnd(long nanos, long dbNanos, int statements, boolean committed) {

	/**
	 * The time it held the connection with no statement running.
	 * @return nanoseconds, never negative
	 */
	public long idleNanos() {
		return Math.max(0, this.nanos - this.dbNanos);
	}

}

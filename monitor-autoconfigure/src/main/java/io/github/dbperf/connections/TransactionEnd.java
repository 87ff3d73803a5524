package io.github.dbperf.connections;

/**
 * One transaction on a borrowed connection, from its beginning (auto-commit switched off,
 * the previous commit, or the borrow) to its commit or rollback.
 *
 * @param nanos how long it held the connection
 * @param dbNanos how long statements ran in it
 * @param statements how many ran
 * @param committed {@code true} for a commit, {@code false} for a rollback
 * @param longestIdleNanos the longest stretch with no statement running (from the
 * beginning to the first statement, between two, or from the last to the end)
 */
public record TransactionEnd(long nanos, long dbNanos, int statements, boolean committed, long longestIdleNanos) {

	/**
	 * The time it held the connection with no statement running.
	 * @return nanoseconds, never negative
	 */
	public long idleNanos() {
		return Math.max(0, this.nanos - this.dbNanos);
	}

	/**
	 * Whether it held its connection idle: held at least this long, idle for half of it,
	 * and idle at a stretch for half of this long. The stretch tells a remote call, a
	 * sleep or a file inside the transaction from the many small gaps of a loop of
	 * statements (an N+1, which has its own finding).
	 * @param holdNanos {@code dbperf.connections.hold-threshold}
	 * @return {@code true} when it is an idle transaction
	 */
	public boolean isIdle(long holdNanos) {
		return this.nanos >= holdNanos && idleNanos() * 2 >= this.nanos && this.longestIdleNanos * 2 >= holdNanos;
	}

}

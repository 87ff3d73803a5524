package io.github.dbperf.capture;

/**
 * Told about each connection the application borrows from one monitored DataSource: how
 * long the pool made it wait, the statements and transactions on it, and when it went
 * back. Implemented outside capture (per-borrow figures); dbperf's JDBC delegates call it
 * once per borrow, per transaction boundary and per statement (a few field updates, with
 * the times the statement was timed with anyway). An implementation never throws.
 */
public interface Borrows {

	/** Nothing is told: connections are not followed. */
	Borrows NONE = new Borrows() {

		@Override
		public long requesting() {
			return 0;
		}

		@Override
		public Borrow acquired(long requestedNanos) {
			return Borrow.NONE;
		}

		@Override
		public void failed(long requestedNanos) {
		}

	};

	/**
	 * The application is about to ask the pool for a connection.
	 * @return {@code System.nanoTime()} now, handed back to {@link #acquired} or
	 * {@link #failed}
	 */
	long requesting();

	/**
	 * The pool handed out a connection.
	 * @param requestedNanos what {@link #requesting} returned
	 * @return what follows this connection until it goes back
	 */
	Borrow acquired(long requestedNanos);

	/**
	 * The pool gave no connection (it timed out, or the database refused).
	 * @param requestedNanos what {@link #requesting} returned
	 */
	void failed(long requestedNanos);

	/**
	 * One borrowed connection, used by one thread at a time as JDBC connections are.
	 */
	interface Borrow {

		/** A connection that is not followed. */
		Borrow NONE = new Borrow() {

			@Override
			public void executed(long startNanos, long endNanos) {
			}

			@Override
			public void autoCommit(boolean autoCommit) {
			}

			@Override
			public void ended(boolean committed) {
			}

			@Override
			public void returned() {
			}

		};

		/**
		 * A statement ran on it.
		 * @param startNanos {@code System.nanoTime()} when it began
		 * @param endNanos {@code System.nanoTime()} when it ended
		 */
		void executed(long startNanos, long endNanos);

		/**
		 * The application switched auto-commit: off begins a transaction, on ends one.
		 * @param autoCommit the new mode
		 */
		void autoCommit(boolean autoCommit);

		/**
		 * A transaction ended.
		 * @param committed {@code true} for a commit, {@code false} for a rollback
		 */
		void ended(boolean committed);

		/**
		 * The application closed it: it went back to the pool.
		 */
		void returned();

	}

}

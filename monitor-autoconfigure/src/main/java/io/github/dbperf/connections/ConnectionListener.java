package io.github.dbperf.connections;

/**
 * Told about each borrow of a monitored connection: the statistics, the meters and the
 * findings. Called on the borrowing thread (on dbperf's watch thread for
 * {@link #stillOut}); must be quick and never throw.
 */
public interface ConnectionListener {

	/**
	 * The pool handed out a connection.
	 * @param borrow the borrow, its wait known
	 */
	default void acquired(ConnectionBorrow borrow) {
	}

	/**
	 * A transaction on a borrowed connection ended.
	 * @param borrow the borrow
	 * @param transaction what the transaction took
	 */
	default void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
	}

	/**
	 * A connection went back to the pool.
	 * @param borrow the borrow, its figures final
	 * @param heldNanos from the pool's hand-out to the close
	 */
	default void returned(ConnectionBorrow borrow, long heldNanos) {
	}

	/**
	 * A connection is still out after {@code dbperf.connections.leak-threshold}: told
	 * once per borrow, on dbperf's watch thread.
	 * @param borrow the borrow
	 * @param heldNanos how long it has been out
	 */
	default void stillOut(ConnectionBorrow borrow, long heldNanos) {
	}

}

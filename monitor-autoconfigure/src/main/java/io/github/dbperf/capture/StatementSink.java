package io.github.dbperf.capture;

/**
 * Receives every {@link StatementEvent} on the calling thread. Must be cheap; a sink that
 * throws is reported and skipped, never allowed to reach the application.
 */
@FunctionalInterface
public interface StatementSink {

	void accept(StatementEvent event);

	/**
	 * The application read the rows of a query that {@link #accept} was told about: when
	 * its result set ran out or was closed.
	 * @param event the query
	 * @param rows the rows read
	 */
	default void rowsRead(StatementEvent event, long rows) {
	}

}

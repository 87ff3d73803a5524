package io.github.dbperf.capture;

/**
 * Receives every {@link StatementEvent} on the calling thread. Must be cheap; a sink
 * that throws is reported and skipped, never allowed to reach the application.
 */
@FunctionalInterface
public interface StatementSink {

	void accept(StatementEvent event);

}

package io.github.dbperf.capture;

/**
 * A {@link StatementSink} that runs on the caller's thread, inside the JDBC call:
 * dbperf's own sinks are, because each costs a few nanoseconds and never blocks. Any
 * other sink runs off the caller's thread behind a bounded queue. Implement this only for
 * a sink that is as cheap and as safe.
 */
public interface CallerThreadSink extends StatementSink {

}

package io.github.dbperf.capture;

/**
 * Marks dbperf's own sinks (its statistics, detectors, meters, plan capture): they run
 * first, from the first statement, and see what the application sent as it was sent, for
 * plan capture and the parameter hash; they keep no value unless
 * {@code dbperf.sql.include-parameters} says so. Not API: an application's
 * {@link CallerThreadSink} is never one.
 */
public interface OwnSink extends CallerThreadSink {

}

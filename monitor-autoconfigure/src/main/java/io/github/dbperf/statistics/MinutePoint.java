package io.github.dbperf.statistics;

import java.time.Instant;

/**
 * One minute of a statement or an entry point, for sparklines.
 *
 * @param start when the minute began
 * @param calls executions (statements) or units of work (entry points) in it
 * @param totalMillis database time in it
 * @param p95Millis the 95th percentile of one execution's time (statements) or of one
 * unit's database time (entry points), 0 when nothing ran
 */
public record MinutePoint(Instant start, long calls, double totalMillis, double p95Millis) {

}

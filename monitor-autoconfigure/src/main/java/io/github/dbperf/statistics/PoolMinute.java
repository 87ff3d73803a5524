package io.github.dbperf.statistics;

import java.time.Instant;

/**
 * One minute of a DataSource's pool, from the borrows that ended in it.
 *
 * @param start when the minute began
 * @param borrows connections returned in it
 * @param meanActive connections out on average (time held over the minute's length)
 * @param meanWaiting threads waiting for one on average
 */
public record PoolMinute(Instant start, long borrows, double meanActive, double meanWaiting) {

}

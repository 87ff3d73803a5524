package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.connections.PoolState;
import io.github.dbperf.statistics.ConnectionSnapshot;
import io.github.dbperf.statistics.PoolMinute;

/**
 * One DataSource's connections in the report: its pool now, each entry point's borrows in
 * the window, and the pool a minute at a time.
 *
 * @param dataSource its bean name
 * @param pool the pool now
 * @param entrypoints per entry point, the longest held first
 * @param minutes the connections out and the threads waiting on average, a minute at a
 * time
 */
public record ConnectionsView(String dataSource, PoolState pool, List<ConnectionSnapshot> entrypoints,
		List<PoolMinute> minutes) {

}

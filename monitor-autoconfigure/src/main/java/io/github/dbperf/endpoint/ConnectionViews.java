package io.github.dbperf.endpoint;

import java.time.Instant;
import java.util.List;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.connections.PoolState;
import io.github.dbperf.statistics.ConnectionSnapshot;
import io.github.dbperf.statistics.ConnectionStatistics;
import io.github.dbperf.statistics.Window;

/**
 * Builds the report's {@code connections}: per monitored DataSource, its pool now and its
 * borrows by entry point over a window.
 */
public final class ConnectionViews {

	private final DataSourceMonitor monitor;

	private final Connections connections;

	private final ConnectionStatistics statistics;

	/**
	 * Create the views.
	 * @param monitor the monitored DataSources
	 * @param connections the connections out now
	 * @param statistics the borrows by entry point
	 */
	public ConnectionViews(DataSourceMonitor monitor, Connections connections, ConnectionStatistics statistics) {
		this.monitor = monitor;
		this.connections = connections;
		this.statistics = statistics;
	}

	/**
	 * Each DataSource's connections over a window.
	 * @param window the span
	 * @return one view a DataSource
	 */
	public List<ConnectionsView> views(Window window) {
		List<ConnectionSnapshot> snapshots = this.statistics.snapshot(window);
		Instant now = Instant.now();
		return this.monitor.monitored().stream().map((monitored) -> {
			String name = monitored.name();
			return new ConnectionsView(name,
					PoolState.of(this.monitor.target(name), this.connections.out(name), this.connections.waiting(name)),
					snapshots.stream().filter((snapshot) -> snapshot.dataSource().equals(name)).toList(),
					this.statistics.poolMinutes(name, window, now));
		}).toList();
	}

	/**
	 * Forget the borrows counted so far.
	 */
	public void reset() {
		this.statistics.reset();
	}

}

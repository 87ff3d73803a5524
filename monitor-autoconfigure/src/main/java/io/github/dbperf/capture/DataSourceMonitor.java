package io.github.dbperf.capture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.dbperf.attribution.UnitsOfWork;

import org.springframework.aop.support.AopUtils;

/**
 * Wraps DataSources with a {@link StatementListener} and remembers which it wrapped.
 */
public final class DataSourceMonitor implements AutoCloseable {

	private final SqlFingerprinter fingerprinter;

	private final StatementSinks sinks;

	private final UnitsOfWork units;

	private final Set<String> excluded;

	private final SlowQueryThreshold threshold;

	private final SqlComments comments;

	private final Function<String, Borrows> borrows;

	private final WallClock clock;

	private final Supplier<ProxyListeners> proxyListeners;

	private final List<Monitored> monitored = new CopyOnWriteArrayList<>();

	private final Map<String, DataSource> targets = new ConcurrentHashMap<>();

	private final Map<String, StatementListener> listeners = new ConcurrentHashMap<>();

	/**
	 * Create a monitor.
	 * @param fingerprinter the shared fingerprinter
	 * @param sinks the sinks of this application context
	 * @param units the units of work of this application context
	 * @param excluded DataSource bean names left unwrapped
	 * @param threshold the slow-query threshold
	 * @param comments what the driver is sent instead of the SQL, or {@code null} for the
	 * SQL itself
	 * @param borrows what follows the connections borrowed from a DataSource, by its name
	 * @param clock the context's wall clock, which dates each statement
	 * @param proxyListeners the application's datasource-proxy listeners, asked for when
	 * a DataSource is wrapped
	 */
	public DataSourceMonitor(SqlFingerprinter fingerprinter, StatementSinks sinks, UnitsOfWork units,
			Set<String> excluded, SlowQueryThreshold threshold, SqlComments comments, Function<String, Borrows> borrows,
			WallClock clock, Supplier<ProxyListeners> proxyListeners) {
		this.proxyListeners = proxyListeners;
		this.borrows = borrows;
		this.clock = clock;
		this.comments = comments;
		this.threshold = threshold;
		this.fingerprinter = fingerprinter;
		this.sinks = sinks;
		this.units = units;
		this.excluded = Set.copyOf(excluded);
	}

	/**
	 * The sinks of this context.
	 * @return the sinks
	 */
	public StatementSinks sinks() {
		return this.sinks;
	}

	/**
	 * Whether a DataSource bean of this name is to be wrapped.
	 * @param name the bean name
	 * @return {@code false} when excluded by configuration
	 */
	public boolean isMonitored(String name) {
		return !this.excluded.contains(name);
	}

	/**
	 * Wrap a DataSource; one that dbperf wrapped already is returned as it is.
	 * @param name its bean name
	 * @param dataSource the DataSource
	 * @return the monitored DataSource
	 */
	public DataSource wrap(String name, DataSource dataSource) {
		if (dataSource instanceof MonitoredDataSource) {
			return dataSource;
		}
		StatementListener listener = listener(name);
		this.listeners.put(name, listener);
		// A DataSource the application proxied with datasource-proxy itself calls its
		// listeners already.
		ProxyListeners proxyListeners = ProxyListeners.isProxied(dataSource) ? ProxyListeners.NONE
				: this.proxyListeners.get();
		MonitoredDataSource wrapped = DataSourceWrapper.wrap(dataSource, name, listener, this.borrows.apply(name),
				proxyListeners);
		this.monitored.add(new Monitored(name, AopUtils.getTargetClass(dataSource).getSimpleName()));
		this.targets.put(name, dataSource);
		return wrapped;
	}

	/**
	 * A listener that records statements for this monitor under a name.
	 * @param name the DataSource's name
	 * @return a new listener
	 */
	public StatementListener listener(String name) {
		return new StatementListener(name, this.fingerprinter, this.sinks, this.threshold, this.units, this.comments,
				this.clock);
	}

	/**
	 * The DataSource a monitored one wraps: its connections are not captured.
	 * @param name the monitored DataSource's name
	 * @return the unwrapped DataSource or {@code null}
	 */
	public DataSource target(String name) {
		return this.targets.get(name);
	}

	/**
	 * The product of the database behind a monitored DataSource, learnt from its first
	 * statement (no connection is opened to ask).
	 * @param name the monitored DataSource's name
	 * @return {@code PostgreSQL}, {@code H2}, ..., or {@code null} while not known
	 */
	public String product(String name) {
		StatementListener listener = this.listeners.get(name);
		return (listener != null) ? listener.product() : null;
	}

	/**
	 * The DataSources wrapped so far.
	 * @return bean name and pool type of each
	 */
	public List<Monitored> monitored() {
		return List.copyOf(this.monitored);
	}

	/**
	 * Stop the threads of the application's sinks.
	 */
	@Override
	public void close() {
		this.sinks.close();
	}

	/**
	 * A monitored DataSource.
	 *
	 * @param name its bean name
	 * @param type the simple class name of the pool it wraps
	 */
	public record Monitored(String name, String type) {

		@Override
		public String toString() {
			return this.name + " (" + this.type + ")";
		}

	}

}

package io.github.dbperf.explain;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.SqlPlaceholders;
import io.github.dbperf.capture.SqlQuoting;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.DaemonThreads;
import io.github.dbperf.internal.ReadOnlyWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures execution plans of slow SELECTs, never on the caller's thread: the caller only
 * offers a request to a bounded queue (dropped and counted when full); one background
 * thread runs the EXPLAIN on a connection of its own from the unwrapped pool (so dbperf
 * does not capture it), read-only and with a statement timeout. At most one plan per
 * fingerprint per interval; never {@code EXPLAIN ANALYZE}, so nothing is executed.
 */
public final class PlanCapture implements OwnSink, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PlanCapture.class);

	private static final int MAX_PLANS = 1000;

	private final Function<String, DataSource> targets;

	private final long intervalMillis;

	private final int timeoutSeconds;

	private final boolean includeParameters;

	private final ThreadPoolExecutor executor;

	private final Cache<String, ExecutionPlan> plans = BoundedCaches.ofSize(MAX_PLANS, null);

	private final Map<String, Long> lastAttempts = BoundedCaches.<String, Long>ofSize(10 * MAX_PLANS, null).asMap();

	private final LongAdder captured = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final LongAdder failed = new LongAdder();

	/**
	 * Create a plan capture.
	 * @param targets the unwrapped DataSource of each monitored DataSource name
	 * @param interval at most one plan per fingerprint in this interval
	 * @param queueCapacity requests waiting at most; more are dropped and counted
	 * @param timeout statement timeout of the EXPLAIN
	 * @param includeParameters whether to keep the database's raw output (it may show the
	 * bound values)
	 */
	public PlanCapture(Function<String, DataSource> targets, Duration interval, int queueCapacity, Duration timeout,
			boolean includeParameters) {
		this.targets = targets;
		this.intervalMillis = interval.toMillis();
		this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
		this.includeParameters = includeParameters;
		this.executor = DaemonThreads.boundedQueue("dbperf-explain", queueCapacity);
	}

	@Override
	public void accept(StatementEvent event) {
		if (!event.slow() || event.operation() != Operation.SELECT || event.batchSize() > 0
				|| event.sql().indexOf(';') >= 0) {
			return;
		}
		String id = event.fingerprint().id();
		long now = System.currentTimeMillis();
		Long last = this.lastAttempts.get(id);
		if (last != null && now - last < this.intervalMillis) {
			return;
		}
		this.lastAttempts.put(id, now);
		Request request = new Request(event.dataSource(), id, event.sql(), event.parameters());
		try {
			this.executor.execute(() -> capture(request));
		}
		catch (RejectedExecutionException ex) {
			this.dropped.increment();
		}
	}

	private void capture(Request request) {
		DataSource target = this.targets.apply(request.dataSource());
		if (target == null) {
			return;
		}
		try {
			ReadOnlyWork.on(target, (connection) -> {
				DatabaseMetaData metaData = connection.getMetaData();
				PlanDialect dialect = PlanDialect.of(metaData.getDatabaseProductName());
				String output = (dialect != null)
						? explain(connection, dialect, metaData.getDatabaseMajorVersion(), request) : null;
				if (output != null) {
					store(request.id(), metaData.getDatabaseProductName(), dialect.read(output), output);
				}
				return null;
			});
		}
		catch (SQLException | RuntimeException ex) {
			this.failed.increment();
			logger.debug("Could not capture the plan of statement {}", request.id(), ex);
		}
	}

	private String explain(Connection connection, PlanDialect dialect, int majorVersion, Request request)
			throws SQLException {
		SqlQuoting quoting = SqlQuoting.of(connection);
		int placeholders = SqlPlaceholders.count(request.sql(), quoting);
		if (placeholders <= request.parameters().size()) {
			try (PreparedStatement statement = connection.prepareStatement(dialect.explain(request.sql(), false))) {
				statement.setQueryTimeout(this.timeoutSeconds);
				for (int i = 0; i < placeholders; i++) {
					statement.setObject(i + 1, request.parameters().get(i));
				}
				return read(statement.executeQuery());
			}
		}
		if (dialect == PlanDialect.POSTGRESQL && majorVersion >= 16) {
			// Values not available: PostgreSQL 16+ plans the statement without them.
			try (Statement statement = connection.createStatement()) {
				statement.setQueryTimeout(this.timeoutSeconds);
				String numbered = SqlPlaceholders.numbered(request.sql(), quoting);
				return read(statement.executeQuery(dialect.explain(numbered, true)));
			}
		}
		return null;
	}

	private static String read(ResultSet result) throws SQLException {
		try (result) {
			StringBuilder output = new StringBuilder();
			while (result.next()) {
				if (!output.isEmpty()) {
					output.append('\n');
				}
				output.append(result.getString(1));
			}
			return output.toString();
		}
	}

	private void store(String id, String database, PlanDialect.Reading reading, String output) {
		this.plans.put(id, new ExecutionPlan(id, database, reading.summary(), List.copyOf(reading.outline()),
				this.includeParameters ? output : null, Instant.now()));
		this.captured.increment();
	}

	/**
	 * The latest plan of a statement.
	 * @param id the fingerprint id
	 * @return the plan or {@code null}
	 */
	public ExecutionPlan plan(String id) {
		return this.plans.getIfPresent(id);
	}

	public long captured() {
		return this.captured.sum();
	}

	public long dropped() {
		return this.dropped.sum();
	}

	public long failed() {
		return this.failed.sum();
	}

	/**
	 * Forget every plan (and when they were last attempted).
	 */
	public void reset() {
		this.plans.invalidateAll();
		this.lastAttempts.clear();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private record Request(String dataSource, String id, String sql, List<Object> parameters) {

	}

}

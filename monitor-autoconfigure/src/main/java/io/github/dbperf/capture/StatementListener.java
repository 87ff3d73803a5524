package io.github.dbperf.capture;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.UnitsOfWork;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * The listener of one monitored DataSource: builds a {@link StatementEvent} per executed
 * statement and hands it to the sinks. dbperf's own JDBC classes ({@link LeanStatement}
 * and its kin) call {@link #executed} once the statement completed. Nothing it does can
 * fail the application's JDBC call.
 */
public final class StatementListener {

	private final String dataSource;

	private final SqlFingerprinter fingerprinter;

	private final StatementSinks sinks;

	private final SlowQueryThreshold threshold;

	private final UnitsOfWork units;

	private final SqlComments comments;

	private final WallClock clock;

	/** The database's quoting rules, learnt from the first statement's connection. */
	private volatile SqlQuoting quoting;

	/** The database's product name, learnt with its quoting rules. */
	private volatile String product;

	/**
	 * Create a listener.
	 * @param dataSource the DataSource bean name
	 * @param fingerprinter the shared fingerprinter
	 * @param sinks the sinks of the DataSource's application context
	 * @param threshold the slow-query threshold
	 * @param units the units of work of the DataSource's application context
	 * @param comments what the driver is sent instead of the SQL, or {@code null} for the
	 * SQL itself
	 * @param clock the context's wall clock, which dates each statement
	 */
	public StatementListener(String dataSource, SqlFingerprinter fingerprinter, StatementSinks sinks,
			SlowQueryThreshold threshold, UnitsOfWork units, SqlComments comments, WallClock clock) {
		this.comments = comments;
		this.clock = clock;
		this.dataSource = dataSource;
		this.fingerprinter = fingerprinter;
		this.sinks = sinks;
		this.threshold = threshold;
		this.units = units;
	}

	/**
	 * The SQL the driver is sent: with a comment when SQL comments are on. A failure
	 * sends the SQL as it was written.
	 * @param sql the SQL as the application wrote it
	 * @return the SQL to send
	 */
	String outgoing(String sql) {
		SqlComments comments = this.comments;
		if (comments == null || sql == null) {
			return sql;
		}
		try {
			return comments.apply(sql);
		}
		catch (RuntimeException | LinkageError ex) {
			this.sinks.failures().report("sql-comments", ex);
			return sql;
		}
	}

	/**
	 * One execution of a statement, from dbperf's own JDBC proxies.
	 * @param statement dbperf's statement that ran it
	 * @param sql the SQL
	 * @param elapsedNanos the time it took
	 * @param success whether it completed without an exception
	 * @param batchSize statements in the batch, 0 when not a batch
	 * @param result what the driver returned
	 * @param parameters the bound values (indexes from 0), may be {@code null}
	 * @param parameterCount how many of them are bound
	 * @return the event recorded, or {@code null}
	 */
	StatementEvent executed(Statement statement, String sql, long elapsedNanos, long endNanos, boolean success,
			int batchSize, Object result, Object[] parameters, int parameterCount) {
		try {
			return record(statement, sql, elapsedNanos, endNanos, success, batchSize, result, parameters,
					parameterCount);
		}
		catch (RuntimeException | LinkageError ex) {
			this.sinks.failures().report("capture", ex);
			return null;
		}
	}

	/**
	 * The application read the rows of a query's result set.
	 * @param event the query's event
	 * @param rows how many rows it read
	 */
	void rowsRead(StatementEvent event, long rows) {
		try {
			this.sinks.rowsRead(event, rows);
		}
		catch (RuntimeException | LinkageError ex) {
			this.sinks.failures().report("capture", ex);
		}
	}

	/**
	 * One execution of a {@code Statement} batch of several SQL strings: each gets its
	 * share of the time.
	 */
	void executedBatch(Statement statement, List<String> sqls, long elapsedNanos, long endNanos, boolean success,
			Object result) {
		try {
			for (String sql : sqls) {
				record(statement, sql, elapsedNanos / sqls.size(), endNanos, success, sqls.size(),
						(sqls.size() == 1) ? result : null, null, 0);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.sinks.failures().report("capture", ex);
		}
	}

	private StatementEvent record(Statement statement, String sql, long elapsedNanos, long endNanos, boolean success,
			int batchSize, Object result, Object[] parameters, int parameterCount) {
		CallContext context = Attribution.current();
		if (context.recordedInside(statement, innerLayer(statement))) {
			// A monitored DataSource inside this one (a routing DataSource's target)
			// recorded it.
			return null;
		}
		context.recorded(statement);
		SqlFingerprint fingerprint = this.fingerprinter.fingerprint(sql, quoting(statement));
		boolean slow = this.threshold.isSlow(elapsedNanos);
		boolean select = fingerprint.operation() == Operation.SELECT;
		int parametersHash = select ? ParameterHashes.hash(parameters, parameterCount) : 0;
		// Values are copied only for slow SELECTs, whose plans may be captured.
		List<Object> values = (select && slow && batchSize == 0) ? ParameterHashes.list(parameters, parameterCount)
				: List.of();
		context.statementExecuted(elapsedNanos, this.units);
		StatementEvent event = new StatementEvent(this.dataSource, fingerprint, sql, elapsedNanos, batchSize,
				RowCounts.of(result), success ? Outcome.SUCCESS : Outcome.ERROR, context.innermost(),
				context.outermost(), context.entrypoint(this.units),
				loadedAs(context.cause(), fingerprint, parameters, parameterCount), slow, parametersHash, values,
				Thread.currentThread().getName(), this.clock.millis(endNanos));
		this.sinks.dispatch(event);
		return event;
	}

	/**
	 * The statement of a monitored DataSource inside this one, if this statement runs on
	 * one: dbperf's statement the driver's side of this one is, directly or through
	 * datasource-proxy's proxy (the application's listeners on that DataSource).
	 * @param statement dbperf's statement
	 * @return the inner dbperf statement, or what this one wraps
	 */
	private static Object innerLayer(Statement statement) {
		Object inner = (statement instanceof StatementCore core) ? core.target : statement;
		while (!(inner instanceof StatementCore) && inner instanceof ProxyJdbcObject proxy) {
			inner = proxy.getTarget();
		}
		return inner;
	}

	/**
	 * The cause as this statement ran it: a load of a batch-loadable association that
	 * carried one key only is an ordinary load (Hibernate's single-key statement, which
	 * can repeat in a loop).
	 */
	private static OrmCause loadedAs(OrmCause cause, SqlFingerprint fingerprint, Object[] parameters,
			int parameterCount) {
		if (cause.loading() != OrmCause.Loading.BATCH || (parameters != null
				&& ParameterHashes.severalKeys(fingerprint.inList(), parameters, parameterCount))) {
			return cause;
		}
		return cause.single();
	}

	/**
	 * The product of the database behind this DataSource, as its driver names it.
	 * @return {@code PostgreSQL}, {@code H2}, ..., or {@code null} before the first
	 * statement
	 */
	public String product() {
		return this.product;
	}

	private SqlQuoting quoting(Statement statement) {
		SqlQuoting known = this.quoting;
		if (known != null) {
			return known;
		}
		SqlQuoting learnt = SqlQuoting.STANDARD;
		try {
			if (statement != null) {
				// The pool's connection, below dbperf's and datasource-proxy's: the
				// application's listeners are not told of dbperf's questions.
				Connection connection = statement.getConnection();
				while (connection instanceof ProxyJdbcObject proxy && proxy.getTarget() instanceof Connection inner) {
					connection = inner;
				}
				this.product = connection.getMetaData().getDatabaseProductName();
				learnt = SqlQuoting.of(connection);
			}
		}
		catch (SQLException | RuntimeException ex) {
			// A driver that cannot say its product: standard SQL's rules.
		}
		this.quoting = learnt;
		return learnt;
	}

}

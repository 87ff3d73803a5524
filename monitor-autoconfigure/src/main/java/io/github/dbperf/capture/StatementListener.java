package io.github.dbperf.capture;

import java.sql.Statement;
import java.util.List;

import io.github.dbperf.InternalFailures;
import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * The datasource-proxy listener of one DataSource: builds a {@link StatementEvent} per
 * executed statement and hands it to the sinks. Nothing it does can fail the
 * application's JDBC call.
 */
public final class StatementListener implements QueryExecutionListener {

	private final String dataSource;

	private final SqlFingerprinter fingerprinter;

	private final StatementSink[] sinks;

	private final SlowQueryThreshold threshold;

	/**
	 * Create a listener.
	 * @param dataSource the DataSource bean name
	 * @param fingerprinter the shared fingerprinter
	 * @param sinks the sinks, called in order
	 * @param threshold the slow-query threshold
	 */
	public StatementListener(String dataSource, SqlFingerprinter fingerprinter, List<StatementSink> sinks,
			SlowQueryThreshold threshold) {
		this.dataSource = dataSource;
		this.fingerprinter = fingerprinter;
		this.sinks = sinks.toArray(StatementSink[]::new);
		this.threshold = threshold;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		try {
			capture(execInfo, queryInfoList);
		}
		catch (RuntimeException | LinkageError ex) {
			InternalFailures.report("capture", ex);
		}
	}

	private void capture(ExecutionInfo execInfo, List<QueryInfo> queries) {
		int count = queries.size();
		if (count == 0) {
			return;
		}
		// A Statement batch carries several SQL strings; each gets its share of the time.
		long elapsedNanos = execInfo.getElapsedTime() / count;
		Outcome outcome = execInfo.isSuccess() ? Outcome.SUCCESS : Outcome.ERROR;
		int batchSize = execInfo.isBatch() ? execInfo.getBatchSize() : 0;
		long rows = (count == 1) ? RowCounts.of(execInfo.getResult()) : -1;
		CallContext context = Attribution.current();
		Statement statement = execInfo.getStatement();
		Object inner = (statement instanceof ProxyJdbcObject proxy) ? proxy.getTarget() : null;
		if (context.recordedInside(statement, inner)) {
			// A monitored DataSource inside this one (a routing DataSource's target) recorded it.
			return;
		}
		context.recorded(statement);
		String thread = Thread.currentThread().getName();
		long timestamp = System.currentTimeMillis();
		boolean slow = this.threshold.isSlow(elapsedNanos);
		String entrypoint = context.entrypoint();
		for (int i = 0; i < count; i++) {
			QueryInfo query = queries.get(i);
			SqlFingerprint fingerprint = this.fingerprinter.fingerprint(query.getQuery());
			boolean select = fingerprint.operation() == Operation.SELECT;
			int parametersHash = select ? ParameterHashes.of(query) : 0;
			// Values are copied only for slow SELECTs, whose plans may be captured.
			List<Object> parameters = (select && slow && batchSize == 0) ? ParameterHashes.values(query) : List.of();
			context.statementExecuted(elapsedNanos);
			StatementEvent event = new StatementEvent(this.dataSource, fingerprint, query.getQuery(), elapsedNanos,
					batchSize, rows, outcome, context.innermost(), context.outermost(), entrypoint, slow,
					parametersHash, parameters, thread, timestamp);
			dispatch(event);
		}
	}

	private void dispatch(StatementEvent event) {
		for (StatementSink sink : this.sinks) {
			try {
				sink.accept(event);
			}
			catch (RuntimeException | LinkageError ex) {
				InternalFailures.report(sink.getClass().getSimpleName(), ex);
			}
		}
		StatementRecorders.dispatch(event);
	}

	public String dataSource() {
		return this.dataSource;
	}

}

package io.github.dbperf.slow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the most recent slow statements in a ring buffer and, when enabled, logs one WARN
 * line for each on the caller's thread, so the caller's MDC (trace id, user) is on it.
 */
public final class SlowQueryLog implements OwnSink {

	private static final Logger logger = LoggerFactory.getLogger(SlowQueryLog.class);

	private final SlowQuery[] buffer;

	private final boolean log;

	private final boolean includeParameters;

	private final CallSites callSites;

	private final TraceIds traces;

	private long written;

	/**
	 * Create a slow-query log.
	 * @param capacity how many recent slow statements to keep
	 * @param log whether to log each one
	 * @param includeParameters whether to keep the raw SQL and bound values (opt-in)
	 * @param callSites finds the application's line that ran a slow statement
	 */
	public SlowQueryLog(int capacity, boolean log, boolean includeParameters, CallSites callSites) {
		this(capacity, log, includeParameters, callSites, TraceIds.NONE);
	}

	/**
	 * Create a log whose entries carry the trace they ran in.
	 * @param capacity slow statements kept
	 * @param log whether each is logged
	 * @param includeParameters whether the SQL as sent and the values are kept
	 * @param callSites finds the application's line
	 * @param traces the current trace, asked once per slow statement
	 */
	public SlowQueryLog(int capacity, boolean log, boolean includeParameters, CallSites callSites, TraceIds traces) {
		this.traces = traces;
		this.callSites = callSites;
		this.buffer = new SlowQuery[capacity];
		this.log = log;
		this.includeParameters = includeParameters;
	}

	@Override
	public void accept(StatementEvent event) {
		if (!event.slow()) {
			return;
		}
		String callSite = this.callSites.current();
		TraceIds.TraceId trace = this.traces.current();
		double elapsedMillis = event.elapsedNanos() / 1_000_000.0;
		SlowQuery slow = new SlowQuery(Instant.ofEpochMilli(event.timestamp()), event.fingerprint().id(),
				event.fingerprint().sql(), event.operation().tagValue(), event.dataSource(),
				Math.round(elapsedMillis * 1000) / 1000.0, event.rows(), event.repositoryMethod().repository(),
				event.repositoryMethod().method(), event.entrypoint(), event.thread(), callSite, null,
				this.includeParameters ? event.sql() : null,
				this.includeParameters ? event.parameters().stream().map(String::valueOf).toList() : null,
				(trace != null) ? trace.traceId() : null, (trace != null) ? trace.spanId() : null);
		synchronized (this.buffer) {
			this.buffer[(int) (this.written++ % this.buffer.length)] = slow;
		}
		if (this.log && logger.isWarnEnabled()) {
			logger.warn("Slow SQL statement ({} ms, {}, {}.{}, entry point {}, at {}): [{}] {}{}",
					String.format("%.1f", elapsedMillis), event.dataSource(), slow.repository(), slow.method(),
					slow.entrypoint(), callSite, slow.id(), slow.sql(),
					this.includeParameters ? " | sent: " + slow.rawSql() + " " + slow.parameters() : "");
		}
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		if (!event.slow()) {
			return;
		}
		// The entry written for this execution: the newest of its id and time still
		// without rows.
		Instant timestamp = Instant.ofEpochMilli(event.timestamp());
		synchronized (this.buffer) {
			int size = (int) Math.min(this.written, this.buffer.length);
			for (int i = 1; i <= size; i++) {
				int slot = (int) ((this.written - i) % this.buffer.length);
				SlowQuery slow = this.buffer[slot];
				if (slow.id().equals(event.fingerprint().id()) && slow.timestamp().equals(timestamp)
						&& slow.rows() < 0) {
					this.buffer[slot] = slow.withRows(rows);
					return;
				}
			}
		}
	}

	/**
	 * The slow statements kept, newest first.
	 * @return a copy
	 */
	public List<SlowQuery> recent() {
		synchronized (this.buffer) {
			int size = (int) Math.min(this.written, this.buffer.length);
			List<SlowQuery> recent = new ArrayList<>(size);
			for (int i = 1; i <= size; i++) {
				recent.add(this.buffer[(int) ((this.written - i) % this.buffer.length)]);
			}
			return recent;
		}
	}

	/**
	 * Where the application ran a statement, from its latest slow execution.
	 * @param id the fingerprint id
	 * @return the call site, or {@value #NO_CALL_SITE} when none of its recent executions
	 * was slow
	 */
	public String callSiteOf(String id) {
		for (SlowQuery slow : recent()) {
			if (slow.id().equals(id)) {
				return slow.callSite();
			}
		}
		return NO_CALL_SITE;
	}

	/** The call site of a statement none of whose recent executions was slow. */
	public static final String NO_CALL_SITE = "unknown (no slow execution recorded)";

	public int capacity() {
		return this.buffer.length;
	}

	public void reset() {
		synchronized (this.buffer) {
			Arrays.fill(this.buffer, null);
			this.written = 0;
		}
	}

}

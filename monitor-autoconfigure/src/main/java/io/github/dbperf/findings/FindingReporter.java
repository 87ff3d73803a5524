package io.github.dbperf.findings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.internal.BoundedCaches;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every finding goes: the findings store, the listeners (metrics), and one WARN
 * line per finding per interval.
 */
public final class FindingReporter {

	private static final Logger logger = LoggerFactory.getLogger(FindingReporter.class);

	private static final int MAX_LOG_KEYS = 10_000;

	private final Findings findings;

	private final TraceIds traces;

	private final List<NPlusOneListener> listeners;

	private final long logIntervalMillis;

	private final Map<String, Long> lastLogged = BoundedCaches.<String, Long>ofSize(MAX_LOG_KEYS, null).asMap();

	/**
	 * Create a reporter.
	 * @param findings where findings are aggregated
	 * @param listeners told about each occurrence (metrics)
	 * @param logInterval at most one WARN per finding in this interval
	 */
	public FindingReporter(Findings findings, List<NPlusOneListener> listeners, Duration logInterval) {
		this(findings, listeners, logInterval, TraceIds.NONE);
	}

	/**
	 * Create a reporter whose findings carry the trace of their latest occurrence.
	 * @param findings where findings are aggregated
	 * @param listeners told about each occurrence (metrics)
	 * @param logInterval at most one WARN per finding in this interval
	 * @param traces the current trace, asked once per occurrence
	 */
	public FindingReporter(Findings findings, List<NPlusOneListener> listeners, Duration logInterval, TraceIds traces) {
		this.traces = traces;
		this.findings = findings;
		this.listeners = List.copyOf(listeners);
		this.logIntervalMillis = logInterval.toMillis();
	}

	/**
	 * Report an occurrence.
	 * @param occurrence what a unit of work did
	 */
	public void report(Occurrence occurrence) {
		report(occurrence, Attribution.current().unit());
	}

	/**
	 * Report an occurrence of a unit of work, on its thread (while it ends, when it is no
	 * longer the thread's current unit).
	 * @param occurrence what the unit did
	 * @param unit the unit, or {@code null}
	 */
	public void report(Occurrence occurrence, @Nullable UnitOfWork unit) {
		this.findings.add(occurrence, this.traces.current());
		if (unit != null) {
			unit.<EnumSet<FindingKind>>attachment(this, () -> EnumSet.noneOf(FindingKind.class)).add(occurrence.kind());
		}
		for (NPlusOneListener listener : this.listeners) {
			listener.onFinding(occurrence);
		}
		String key = occurrence.kind() + " " + occurrence.fingerprint().id() + " " + occurrence.entrypoint();
		long now = System.currentTimeMillis();
		Long last = this.lastLogged.get(key);
		if (last != null && now - last < this.logIntervalMillis) {
			return;
		}
		this.lastLogged.put(key, now);
		logger.warn("{}", occurrence.describe());
	}

	/**
	 * The kinds of finding a unit of work made so far.
	 * @param unit the unit
	 * @return its kinds, empty when none
	 */
	public Set<FindingKind> kindsOf(UnitOfWork unit) {
		EnumSet<FindingKind> kinds = unit.attachment(this);
		return (kinds != null) ? EnumSet.copyOf(kinds) : EnumSet.noneOf(FindingKind.class);
	}

}

package io.github.dbperf.findings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.dbperf.BoundedCaches;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
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
		this.findings = findings;
		this.listeners = List.copyOf(listeners);
		this.logIntervalMillis = logInterval.toMillis();
	}

	/**
	 * Report an occurrence.
	 * @param occurrence what a unit of work did
	 */
	public void report(Occurrence occurrence) {
		this.findings.add(occurrence);
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

}

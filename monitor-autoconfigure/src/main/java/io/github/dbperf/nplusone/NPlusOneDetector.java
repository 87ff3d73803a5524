package io.github.dbperf.nplusone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.dbperf.BoundedCaches;
import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.nplusone.RepetitionCounter.Occurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds N+1 patterns: a SELECT fingerprint repeated {@code threshold} or more times
 * within one unit of work. Counts per unit on the unit's own thread (no sharing between
 * units); at the end of the unit reports each finding (store, callback, one WARN per
 * finding per interval) or, in strict mode, throws.
 */
public final class NPlusOneDetector implements CallerThreadSink, UnitOfWorkListener {

	private static final Logger logger = LoggerFactory.getLogger(NPlusOneDetector.class);

	private static final int MAX_LOG_KEYS = 10_000;

	private final int threshold;

	private final boolean strict;

	private final NPlusOneFindings findings;

	private final List<NPlusOneListener> listeners;

	private final long logIntervalMillis;

	private final Map<String, Long> lastLogged = BoundedCaches.<String, Long>ofSize(MAX_LOG_KEYS, null).asMap();

	/** Created once: a capturing lambda per statement would allocate on the hot path. */
	private final Supplier<RepetitionCounter> newCounter;

	/**
	 * Create a detector.
	 * @param threshold repetitions that make a finding
	 * @param strict whether to throw at the end of a unit with a finding
	 * @param findings where findings are aggregated
	 * @param listeners told about each occurrence (metrics)
	 * @param logInterval at most one WARN per finding in this interval
	 * @param callSites finds the application's line that ran a loop
	 */
	public NPlusOneDetector(int threshold, boolean strict, NPlusOneFindings findings, List<NPlusOneListener> listeners,
			Duration logInterval, CallSites callSites) {
		this.threshold = threshold;
		this.strict = strict;
		this.findings = findings;
		this.listeners = List.copyOf(listeners);
		this.logIntervalMillis = logInterval.toMillis();
		this.newCounter = () -> new RepetitionCounter(threshold, callSites);
	}

	@Override
	public void accept(StatementEvent event) {
		UnitOfWork unit = Attribution.current().unit();
		if (unit != null) {
			unit.<RepetitionCounter>attachment(this, this.newCounter).count(event, event.parametersHash());
		}
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		RepetitionCounter counter = unit.attachment(this);
		if (counter == null) {
			return;
		}
		List<Occurrence> occurrences = counter.occurrences(unit.entrypoint());
		if (occurrences.isEmpty()) {
			return;
		}
		for (Occurrence occurrence : occurrences) {
			this.findings.add(occurrence);
			for (NPlusOneListener listener : this.listeners) {
				listener.onFinding(occurrence);
			}
			log(occurrence);
		}
		if (this.strict) {
			throw new NPlusOneException(occurrences.stream()
				.map(Occurrence::describe)
				.collect(Collectors.joining("\n", "dbperf.n-plus-one.mode=strict: ", "")));
		}
	}

	private void log(Occurrence occurrence) {
		String key = occurrence.fingerprint().id() + " " + occurrence.entrypoint();
		long now = System.currentTimeMillis();
		Long last = this.lastLogged.get(key);
		if (last != null && now - last < this.logIntervalMillis) {
			return;
		}
		this.lastLogged.put(key, now);
		logger.warn("{}", occurrence.describe());
	}

}

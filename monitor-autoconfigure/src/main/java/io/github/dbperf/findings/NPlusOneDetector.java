package io.github.dbperf.findings;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;

import org.springframework.core.Ordered;

/**
 * Finds N+1 patterns: a SELECT fingerprint repeated {@code threshold} or more times
 * within one unit of work. Counts per unit on the unit's own thread (no sharing between
 * units); at the end of the unit reports each finding (store, callback, one WARN per
 * finding per interval) or, in strict mode, throws.
 */
public final class NPlusOneDetector implements OwnSink, UnitOfWorkListener, Ordered {

	private final boolean strict;

	private final FindingReporter reporter;

	private final AssociationMappings mappings;

	/** Created once: a capturing lambda per statement would allocate on the hot path. */
	private final Supplier<RepetitionCounter> newCounter;

	/**
	 * Create a detector.
	 * @param threshold repetitions that make a finding
	 * @param strict whether to throw at the end of a unit with a finding
	 * @param reporter where findings go
	 * @param callSites finds the application's line that ran a loop
	 * @param mappings the ORM's association mappings, for the association behind a loop
	 */
	public NPlusOneDetector(int threshold, boolean strict, FindingReporter reporter, CallSites callSites,
			AssociationMappings mappings) {
		this.strict = strict;
		this.reporter = reporter;
		this.mappings = mappings;
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
		List<Occurrence> occurrences = counter.occurrences(unit.entrypoint(), this.mappings);
		if (occurrences.isEmpty()) {
			return;
		}
		for (Occurrence occurrence : occurrences) {
			this.reporter.report(occurrence, unit);
		}
		if (this.strict) {
			throw new NPlusOneException(occurrences.stream()
				.map(Occurrence::describe)
				.collect(Collectors.joining("\n", "dbperf.n-plus-one.mode=strict: ", "")));
		}
	}

	/**
	 * Before the listeners that read what a unit found (its span's summary).
	 * @return just above the lowest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}

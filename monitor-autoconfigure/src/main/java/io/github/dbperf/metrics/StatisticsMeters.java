package io.github.dbperf.metrics;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges the statistics store: fingerprints tracked and evictions; and statements whose
 * text did not end where their database's quoting rules say (masked to the end).
 */
public final class StatisticsMeters implements MeterBinder {

	private final LongSupplier tracked;

	private final LongSupplier evictions;

	private final LongSupplier incomplete;

	/**
	 * Create the binder.
	 * @param tracked fingerprints tracked now
	 * @param evictions fingerprints evicted since the last reset
	 * @param incomplete statements fingerprinted whose text did not end
	 */
	public StatisticsMeters(LongSupplier tracked, LongSupplier evictions, LongSupplier incomplete) {
		this.tracked = tracked;
		this.evictions = evictions;
		this.incomplete = incomplete;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(MeterNames.STATISTICS_TRACKED, this.tracked, LongSupplier::getAsLong)
			.description("Statement fingerprints tracked by dbperf's statistics")
			.baseUnit("statements")
			.register(registry);
		FunctionCounter.builder(MeterNames.STATISTICS_EVICTIONS, this.evictions, LongSupplier::getAsLong)
			.description("Least-used statement fingerprints evicted from dbperf's statistics")
			.baseUnit("statements")
			.register(registry);
		FunctionCounter.builder(MeterNames.FINGERPRINTS_INCOMPLETE, this.incomplete, LongSupplier::getAsLong)
			.description("Statements whose text did not end under their database's quoting rules (a string or "
					+ "comment left open); the rest of each was masked")
			.baseUnit("statements")
			.register(registry);
	}

}

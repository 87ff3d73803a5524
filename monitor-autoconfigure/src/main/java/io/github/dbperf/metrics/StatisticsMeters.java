package io.github.dbperf.metrics;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges the statistics store: fingerprints tracked and evictions.
 */
public final class StatisticsMeters implements MeterBinder {

	private final LongSupplier tracked;

	private final LongSupplier evictions;

	/**
	 * Create the binder.
	 * @param tracked fingerprints tracked now
	 * @param evictions fingerprints evicted since the last reset
	 */
	public StatisticsMeters(LongSupplier tracked, LongSupplier evictions) {
		this.tracked = tracked;
		this.evictions = evictions;
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
	}

}

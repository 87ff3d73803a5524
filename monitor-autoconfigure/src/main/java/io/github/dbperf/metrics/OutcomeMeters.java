package io.github.dbperf.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts of one kind of background work by outcome, read from the work's own counters:
 * plan requests ({@code dbperf.explain.plans}: captured, dropped, failed) and reads of
 * the database's statement statistics ({@code dbperf.database.reads}: success, failed,
 * unavailable).
 */
public final class OutcomeMeters implements MeterBinder {

	private final String name;

	private final String description;

	private final Map<String, LongSupplier> outcomes;

	/**
	 * Counters of one meter.
	 * @param name the meter's name
	 * @param description its description
	 * @param outcomes each outcome's count, in order
	 */
	public OutcomeMeters(String name, String description, Map<String, LongSupplier> outcomes) {
		this.name = name;
		this.description = description;
		this.outcomes = new LinkedHashMap<>(outcomes);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.outcomes.forEach((outcome, count) -> FunctionCounter.builder(this.name, count, LongSupplier::getAsLong)
			.description(this.description)
			.tag("outcome", outcome)
			.register(registry));
	}

}

package io.github.dbperf.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.explain.PlanCapture;
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

	/**
	 * The plan requests of slow SELECTs, by outcome.
	 * @param plans the plan capture
	 * @return {@code dbperf.explain.plans}
	 */
	public static OutcomeMeters explainPlans(PlanCapture plans) {
		return new OutcomeMeters(MeterNames.EXPLAIN_PLANS, "Execution plan requests for slow SELECTs, by outcome",
				outcomes("captured", plans::captured, "dropped", plans::dropped, "failed", plans::failed));
	}

	/**
	 * The reads of the database's own statement statistics, by outcome.
	 * @param database the database's statistics
	 * @return {@code dbperf.database.reads}
	 */
	public static OutcomeMeters databaseReads(DatabaseStatistics database) {
		return new OutcomeMeters(MeterNames.DATABASE_READS,
				"Reads of the database's own statement statistics, by outcome", outcomes("success", database::succeeded,
						"failed", database::failed, "unavailable", database::unavailable));
	}

	private static Map<String, LongSupplier> outcomes(String first, LongSupplier firstCount, String second,
			LongSupplier secondCount, String third, LongSupplier thirdCount) {
		Map<String, LongSupplier> outcomes = new LinkedHashMap<>();
		outcomes.put(first, firstCount);
		outcomes.put(second, secondCount);
		outcomes.put(third, thirdCount);
		return outcomes;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.outcomes.forEach((outcome, count) -> FunctionCounter.builder(this.name, count, LongSupplier::getAsLong)
			.description(this.description)
			.tag("outcome", outcome)
			.register(registry));
	}

}

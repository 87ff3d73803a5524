package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * Publishes the statements of each unit of work as {@code dbperf.unit.statements} and the
 * entities it loaded as {@code dbperf.unit.entities}, by entry point.
 */
public final class UnitOfWorkMetrics implements UnitOfWorkListener {

	private final DeferredMeterRegistry meters;

	/** Both summaries of an entry point, found with one lookup. */
	private final ConcurrentHashMap<String, Summaries> summaries = new ConcurrentHashMap<>();

	public UnitOfWorkMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		if (this.meters.isBound()) {
			Summaries summaries = this.summaries.get(unit.entrypoint());
			if (summaries == null) {
				summaries = this.summaries.computeIfAbsent(unit.entrypoint(),
						(entrypoint) -> new Summaries(summary(entrypoint), entitySummary(entrypoint)));
			}
			summaries.statements().record(unit.statements());
			summaries.entities().record(unit.entities());
		}
	}

	private DistributionSummary entitySummary(String entrypoint) {
		return DistributionSummary.builder(MeterNames.UNIT_ENTITIES)
			.description("Entities the ORM loaded per unit of work (HTTP request, scheduled run, scope)")
			.baseUnit("entities")
			.tag("entrypoint", entrypoint)
			.register(this.meters.registry());
	}

	private DistributionSummary summary(String entrypoint) {
		return DistributionSummary.builder(MeterNames.UNIT_STATEMENTS)
			.description("SQL statements per unit of work (HTTP request, scheduled run, scope)")
			.baseUnit("statements")
			.tag("entrypoint", entrypoint)
			.register(this.meters.registry());
	}

	private record Summaries(DistributionSummary statements, DistributionSummary entities) {

	}

}

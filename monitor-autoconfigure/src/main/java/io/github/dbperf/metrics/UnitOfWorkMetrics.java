package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * Publishes the statements of each unit of work as {@code dbperf.unit.statements} and
 * the entities it loaded as {@code dbperf.unit.entities}, by entry point.
 */
public final class UnitOfWorkMetrics implements UnitOfWorkListener {

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, DistributionSummary> entities = new ConcurrentHashMap<>();

	public UnitOfWorkMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		if (this.meters.isBound()) {
			this.summaries.computeIfAbsent(unit.entrypoint(), this::summary).record(unit.statements());
			this.entities.computeIfAbsent(unit.entrypoint(), this::entitySummary).record(unit.entities());
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

}

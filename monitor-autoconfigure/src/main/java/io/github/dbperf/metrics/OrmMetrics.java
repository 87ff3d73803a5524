package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import io.micrometer.core.instrument.Counter;

/**
 * Counts the statements the ORM ran to load entities and collections,
 * {@code dbperf.orm.loads}, by {@code kind} and {@code role} (a closed set: the
 * metamodel's entities and associations).
 */
public final class OrmMetrics implements OwnSink {

	private static final int MAX_ROLES = 1000;

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<OrmCause, Counter> loads = new ConcurrentHashMap<>();

	public OrmMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void accept(StatementEvent event) {
		OrmCause cause = event.cause();
		if (!cause.isLoad() || !this.meters.isBound()) {
			return;
		}
		Counter counter = this.loads.get(cause);
		if (counter == null) {
			if (this.loads.size() >= MAX_ROLES) {
				return;
			}
			counter = this.loads.computeIfAbsent(cause,
					(key) -> Counter.builder(MeterNames.ORM_LOADS)
						.description("Statements the ORM ran to load entities and collections")
						.tag("kind", (key.kind() == OrmCause.Kind.ENTITY_LOAD) ? "entity" : "collection")
						.tag("role", key.role())
						.register(this.meters.registry()));
		}
		counter.increment();
	}

}

package io.github.dbperf.metrics;

import java.util.function.LongSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts plan capture: plans captured, requests dropped because the queue was full, and
 * EXPLAINs that failed.
 */
public final class ExplainMeters implements MeterBinder {

	private final LongSupplier captured;

	private final LongSupplier dropped;

	private final LongSupplier failed;

	public ExplainMeters(LongSupplier captured, LongSupplier dropped, LongSupplier failed) {
		this.captured = captured;
		this.dropped = dropped;
		this.failed = failed;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		register(registry, "captured", this.captured);
		register(registry, "dropped", this.dropped);
		register(registry, "failed", this.failed);
	}

	private static void register(MeterRegistry registry, String outcome, LongSupplier count) {
		FunctionCounter.builder(MeterNames.EXPLAIN_PLANS, count, LongSupplier::getAsLong)
			.description("Execution plan requests for slow SELECTs, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}

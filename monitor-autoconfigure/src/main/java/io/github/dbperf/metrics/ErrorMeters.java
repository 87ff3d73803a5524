package io.github.dbperf.metrics;

import io.github.dbperf.internal.InternalFailures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes dbperf's own failures (never propagated to the application) as
 * {@code dbperf.errors}.
 */
public final class ErrorMeters implements MeterBinder {

	private final InternalFailures failures;

	public ErrorMeters(InternalFailures failures) {
		this.failures = failures;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(MeterNames.ERRORS, this.failures, InternalFailures::count)
			.description("Failures inside dbperf (never propagated to the application)")
			.register(registry);
	}

}

package io.github.dbperf.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Where dbperf's meters are registered: a composite that Boot binds to the application's
 * registry once that exists. Until then (schema scripts, migrations) nothing is recorded,
 * so no empty series are left behind.
 */
public final class DeferredMeterRegistry implements MeterBinder {

	private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry.add(registry);
	}

	/**
	 * Whether the application's registry is bound yet.
	 * @return {@code false} before
	 */
	public boolean isBound() {
		return !this.registry.getRegistries().isEmpty();
	}

	MeterRegistry registry() {
		return this.registry;
	}

}

package io.github.dbperf.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Where dbperf's meters are registered, once Boot binds the application's registry. Until
 * then (schema scripts, migrations) nothing is recorded, so no empty series are left
 * behind. Bound to one registry (Boot binds its primary one), meters go straight into it:
 * a composite would add a forwarding meter in front of every statement's timer. Only if a
 * second registry is bound are later meters registered through a composite of both.
 */
public final class DeferredMeterRegistry implements MeterBinder {

	private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

	private volatile MeterRegistry single;

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		this.registry.add(registry);
		this.single = (this.registry.getRegistries().size() == 1) ? registry : null;
	}

	/**
	 * Whether the application's registry is bound yet.
	 * @return {@code false} before
	 */
	public boolean isBound() {
		return !this.registry.getRegistries().isEmpty();
	}

	MeterRegistry registry() {
		MeterRegistry single = this.single;
		return (single != null) ? single : this.registry;
	}

}

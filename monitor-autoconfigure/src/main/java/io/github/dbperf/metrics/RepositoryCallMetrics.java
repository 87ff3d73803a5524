package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.RepositoryCall;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.RepositoryMethod;
import io.micrometer.core.instrument.DistributionSummary;

/**
 * Publishes the statements of each repository call as
 * {@code dbperf.repository.statements}.
 */
public final class RepositoryCallMetrics implements RepositoryCallListener {

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<RepositoryMethod, DistributionSummary> summaries = new ConcurrentHashMap<>();

	public RepositoryCallMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onRepositoryCall(RepositoryCall call) {
		if (this.meters.isBound()) {
			this.summaries.computeIfAbsent(call.method(), this::summary).record(call.statements());
		}
	}

	private DistributionSummary summary(RepositoryMethod method) {
		return DistributionSummary.builder(MeterNames.REPOSITORY_STATEMENTS)
			.description("SQL statements issued per repository method call")
			.baseUnit("statements")
			.tag("repository", method.repository())
			.tag("method", method.method())
			.register(this.meters.registry());
	}

}

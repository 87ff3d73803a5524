package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.RepositoryMethod;
import io.micrometer.core.instrument.Counter;

/**
 * Counts findings: {@code dbperf.nplusone} by entry point and repository method.
 */
public final class FindingMetrics {

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<Key, Counter> nPlusOne = new ConcurrentHashMap<>();

	public FindingMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Count an N+1 finding.
	 * @param entrypoint the unit's entry point
	 * @param method the repository method blamed
	 */
	public void nPlusOneFound(String entrypoint, RepositoryMethod method) {
		this.nPlusOne.computeIfAbsent(new Key(entrypoint, method),
				(key) -> Counter.builder(MeterNames.N_PLUS_ONE)
					.description("N+1 patterns found: a SELECT repeated in one unit of work")
					.tag("entrypoint", key.entrypoint())
					.tag("repository", key.method().repository())
					.tag("method", key.method().method())
					.register(this.meters.registry()))
			.increment();
	}

	private record Key(String entrypoint, RepositoryMethod method) {

	}

}

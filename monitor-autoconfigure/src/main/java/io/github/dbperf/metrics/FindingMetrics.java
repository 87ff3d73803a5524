package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.NPlusOneListener;
import io.github.dbperf.findings.RegressionListener;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.micrometer.core.instrument.Counter;

/**
 * Counts findings: {@code dbperf.nplusone} (N+1 and duplicate queries) by entry point and
 * repository method, {@code dbperf.findings} (every kind) by kind too, and
 * {@code dbperf.regressions} by repository method. A listener of the N+1 detector's
 * occurrences and of regressions.
 */
public final class FindingMetrics implements NPlusOneListener, RegressionListener {

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<Key, Counter> nPlusOne = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<KindKey, Counter> findings = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<RepositoryMethod, Counter> regressions = new ConcurrentHashMap<>();

	public FindingMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void onFinding(Occurrence occurrence) {
		if (occurrence.kind() == FindingKind.N_PLUS_ONE || occurrence.kind() == FindingKind.DUPLICATE) {
			nPlusOneFound(occurrence.entrypoint(), occurrence.repositoryMethod());
		}
		found(occurrence.kind().name(), occurrence.entrypoint(), occurrence.repositoryMethod());
	}

	@Override
	public void onRegression(Finding regression) {
		regression(regression.repository(), regression.method());
		found(regression.kind().name(), regression.entrypoint(),
				new RepositoryMethod(regression.repository(), regression.method()));
	}

	/**
	 * Count an N+1 finding.
	 * @param entrypoint the unit's entry point
	 * @param method the repository method blamed
	 */
	public void nPlusOneFound(String entrypoint, RepositoryMethod method) {
		this.nPlusOne
			.computeIfAbsent(new Key(entrypoint, method),
					(key) -> Counter.builder(MeterNames.N_PLUS_ONE)
						.description("N+1 patterns found: a SELECT repeated in one unit of work")
						.tag("entrypoint", key.entrypoint())
						.tag("repository", key.method().repository())
						.tag("method", key.method().method())
						.register(this.meters.registry()))
			.increment();
	}

	/**
	 * Count a finding of any kind.
	 * @param kind its kind ({@code N_PLUS_ONE}, {@code LARGE_RESULT}, ...)
	 * @param entrypoint the unit's entry point
	 * @param method the repository method blamed
	 */
	public void found(String kind, String entrypoint, RepositoryMethod method) {
		this.findings
			.computeIfAbsent(new KindKey(kind, entrypoint, method),
					(key) -> Counter.builder(MeterNames.FINDINGS)
						.description("Findings of every kind: N+1, duplicates, large results, in-memory pagination, "
								+ "loads after the response")
						.tag("kind", key.kind())
						.tag("entrypoint", key.entrypoint())
						.tag("repository", key.method().repository())
						.tag("method", key.method().method())
						.register(this.meters.registry()))
			.increment();
	}

	/**
	 * Count a statement that became a regression.
	 * @param repository the repository that issued it
	 * @param method that repository's method
	 */
	public void regression(String repository, String method) {
		this.regressions
			.computeIfAbsent(new RepositoryMethod(repository, method),
					(key) -> Counter.builder(MeterNames.REGRESSIONS)
						.description("Statements whose 95th percentile over 5 minutes became several times that of "
								+ "the hour before")
						.tag("repository", key.repository())
						.tag("method", key.method())
						.register(this.meters.registry()))
			.increment();
	}

	private record Key(String entrypoint, RepositoryMethod method) {

	}

	private record KindKey(String kind, String entrypoint, RepositoryMethod method) {

	}

}

package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.InternalFailures;
import io.github.dbperf.attribution.RepositoryCall;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.Outcome;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.CallerThreadSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Publishes statements and repository calls as Micrometer meters. Meters are looked up
 * once per tag combination and kept; tag values come from closed sets only. Until it is
 * bound to a registry it records into an empty composite (a no-op).
 */
public final class StatementMetrics implements CallerThreadSink, RepositoryCallListener, UnitOfWorkListener, MeterBinder {

	private static final int OPERATIONS = Operation.values().length;

	private static final int OUTCOMES = Outcome.values().length;

	private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

	private final InternalFailures failures;

	/**
	 * Create the meters of one application context.
	 * @param failures that context's own failures, published as {@code dbperf.errors}
	 */
	public StatementMetrics(InternalFailures failures) {
		this.failures = failures;
	}

	private final ConcurrentHashMap<String, ConcurrentHashMap<RepositoryMethod, MethodMeters>> meters = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<RepositoryMethod, DistributionSummary> repositorySummaries = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, DistributionSummary> unitSummaries = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<NPlusOneKey, Counter> nPlusOneCounters = new ConcurrentHashMap<>();

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry.add(registry);
		FunctionCounter.builder(MeterNames.ERRORS, this.failures, InternalFailures::count)
			.description("Failures inside dbperf (never propagated to the application)")
			.register(registry);
	}

	@Override
	public void accept(StatementEvent event) {
		if (isUnbound()) {
			return;
		}
		MethodMeters meters = this.meters.computeIfAbsent(event.dataSource(), (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(event.repositoryMethod(), (method) -> new MethodMeters());
		meters.timer(event).record(event.elapsedNanos(), TimeUnit.NANOSECONDS);
		if (event.slow()) {
			meters.slowCounter(event).increment();
		}
	}

	@Override
	public void onRepositoryCall(RepositoryCall call) {
		if (isUnbound()) {
			return;
		}
		this.repositorySummaries.computeIfAbsent(call.method(), this::repositorySummary).record(call.statements());
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		if (isUnbound()) {
			return;
		}
		this.unitSummaries.computeIfAbsent(unit.entrypoint(), this::unitSummary).record(unit.statements());
	}

	/**
	 * Count an N+1 finding.
	 * @param entrypoint the unit's entry point
	 * @param method the repository method blamed
	 */
	public void nPlusOneFound(String entrypoint, RepositoryMethod method) {
		this.nPlusOneCounters.computeIfAbsent(new NPlusOneKey(entrypoint, method),
				(key) -> Counter.builder(MeterNames.N_PLUS_ONE)
					.description("N+1 patterns found: a SELECT repeated in one unit of work")
					.tag("entrypoint", key.entrypoint())
					.tag("repository", key.method().repository())
					.tag("method", key.method().method())
					.register(this.registry))
			.increment();
	}

	/**
	 * Before the application's registry is bound (schema scripts, migrations) nothing is
	 * recorded, so no empty series are left behind.
	 */
	private boolean isUnbound() {
		return this.registry.getRegistries().isEmpty();
	}

	private DistributionSummary unitSummary(String entrypoint) {
		return DistributionSummary.builder(MeterNames.UNIT_STATEMENTS)
			.description("SQL statements per unit of work (HTTP request, scheduled run, scope)")
			.baseUnit("statements")
			.tag("entrypoint", entrypoint)
			.register(this.registry);
	}

	private DistributionSummary repositorySummary(RepositoryMethod method) {
		return DistributionSummary.builder(MeterNames.REPOSITORY_STATEMENTS)
			.description("SQL statements issued per repository method call")
			.baseUnit("statements")
			.tag("repository", method.repository())
			.tag("method", method.method())
			.register(this.registry);
	}

	private record NPlusOneKey(String entrypoint, RepositoryMethod method) {

	}

	/**
	 * The meters of one DataSource and repository method, created on first use. A race
	 * registers the same meter twice; Micrometer returns the existing one.
	 */
	private final class MethodMeters {

		private final Timer[] timers = new Timer[OPERATIONS * OUTCOMES];

		private final Counter[] slowCounters = new Counter[OPERATIONS];

		Timer timer(StatementEvent event) {
			int index = event.operation().ordinal() * OUTCOMES + event.outcome().ordinal();
			Timer timer = this.timers[index];
			if (timer == null) {
				timer = Timer.builder(MeterNames.STATEMENTS)
					.description("Time of SQL statements, by repository method")
					.tag("datasource", event.dataSource())
					.tag("operation", event.operation().tagValue())
					.tag("repository", event.repositoryMethod().repository())
					.tag("method", event.repositoryMethod().method())
					.tag("outcome", event.outcome().tagValue())
					.register(StatementMetrics.this.registry);
				this.timers[index] = timer;
			}
			return timer;
		}

		Counter slowCounter(StatementEvent event) {
			int index = event.operation().ordinal();
			Counter counter = this.slowCounters[index];
			if (counter == null) {
				counter = Counter.builder(MeterNames.SLOW_STATEMENTS)
					.description("SQL statements at or above the slow-query threshold")
					.tag("datasource", event.dataSource())
					.tag("operation", event.operation().tagValue())
					.tag("repository", event.repositoryMethod().repository())
					.tag("method", event.repositoryMethod().method())
					.register(StatementMetrics.this.registry);
				this.slowCounters[index] = counter;
			}
			return counter;
		}

	}

}

package io.github.dbperf.metrics;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.Outcome;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.StatementEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes each statement as {@code dbperf.statements} (timer) and
 * {@code dbperf.statements.slow} (counter). Meters are looked up once per tag combination
 * and kept; tag values come from closed sets only.
 */
public final class StatementMetrics implements OwnSink {

	private static final int OPERATIONS = Operation.values().length;

	private static final int OUTCOMES = Outcome.values().length;

	/**
	 * A small fixed set of buckets, so that histogram_quantile and the Grafana dashboard
	 * work with a dozen series per statement timer instead of Micrometer's ~70 percentile
	 * buckets (still available:
	 * management.metrics.distribution.percentiles-histogram.dbperf.statements).
	 */
	static final Duration[] SLO_BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(5) };

	private final DeferredMeterRegistry meters;

	private final ConcurrentHashMap<String, ConcurrentHashMap<RepositoryMethod, MethodMeters>> byDataSource = new ConcurrentHashMap<>();

	/**
	 * Create the statement meters of one application context.
	 * @param meters where they are registered
	 */
	public StatementMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void accept(StatementEvent event) {
		if (!this.meters.isBound()) {
			return;
		}
		MethodMeters meters = this.byDataSource.computeIfAbsent(event.dataSource(), (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(event.repositoryMethod(), (method) -> new MethodMeters());
		meters.timer(event).record(event.elapsedNanos(), TimeUnit.NANOSECONDS);
		if (event.slow()) {
			meters.slowCounter(event).increment();
		}
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
					.serviceLevelObjectives(SLO_BUCKETS)
					.tag("datasource", event.dataSource())
					.tag("operation", event.operation().tagValue())
					.tag("repository", event.repositoryMethod().repository())
					.tag("method", event.repositoryMethod().method())
					.tag("outcome", event.outcome().tagValue())
					.register(StatementMetrics.this.meters.registry());
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
					.register(StatementMetrics.this.meters.registry());
				this.slowCounters[index] = counter;
			}
			return counter;
		}

	}

}

package io.github.dbperf.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.internal.DaemonThreads;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes the statements with the most total time as {@code dbperf.statement.top}
 * (count and total, a function timer) and {@code dbperf.statement.top.max}, tagged with
 * the statement's 16-hex id: per-statement series a fleet can sum in Prometheus, never
 * more than {@code k} of them. Membership is stable: a statement enters only by beating
 * the weakest member by a margin, and leaves only after it stayed out of the top for
 * {@link #STAY_OUT} recomputations in a row; its series are then removed.
 */
public final class TopStatementMeters implements MeterBinder, AutoCloseable {

	/** How much more total time a newcomer needs than the weakest member. */
	static final double MARGIN = 1.10;

	/** Recomputations a member must stay out of the top before it leaves. */
	static final int STAY_OUT = 3;

	private final int k;

	private final Supplier<List<Candidate>> ranking;

	private final Function<String, Candidate> lookup;

	private final InternalFailures failures;

	private final Map<String, Member> members = new LinkedHashMap<>();

	private MeterRegistry registry;

	private ScheduledExecutorService scheduler;

	/**
	 * Create the top statement meters.
	 * @param k how many statements at most (0: none)
	 * @param ranking the statements with the most total time, most first
	 * @param lookup the figures of one statement now, or {@code null} once it is gone
	 * @param failures where a failed recomputation is reported
	 */
	public TopStatementMeters(int k, Supplier<List<Candidate>> ranking, Function<String, Candidate> lookup,
			InternalFailures failures) {
		this.k = k;
		this.ranking = ranking;
		this.lookup = lookup;
		this.failures = failures;
	}

	/**
	 * The top statement meters of a context's statement statistics.
	 * @param k how many statements at most (0: none)
	 * @param statistics the statements, ranked by their total time
	 * @param failures where a failed recomputation is reported
	 * @return the meters
	 */
	public static TopStatementMeters over(int k, StatementStatistics statistics, InternalFailures failures) {
		return new TopStatementMeters(k,
				() -> statistics.top(StatementOrder.TOTAL, k).stream().map(TopStatementMeters::candidate).toList(),
				(id) -> candidate(statistics.get(id)), failures);
	}

	private static Candidate candidate(StatementSnapshot statement) {
		if (statement == null) {
			return null;
		}
		RepositoryMethod method = statement.mainRepositoryMethod();
		return new Candidate(statement.id(), statement.operation(), method.repository(), method.method(),
				statement.datasources().isEmpty() ? "none" : statement.datasources().get(0), statement.calls(),
				statement.totalMillis() * 1_000_000, statement.maxMillis() * 1_000_000);
	}

	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		this.registry = registry;
		if (this.k > 0 && this.scheduler == null) {
			this.scheduler = DaemonThreads.scheduler("dbperf-top-statements");
			this.scheduler.scheduleWithFixedDelay(this::recomputeSafely, 10, 10, TimeUnit.SECONDS);
		}
	}

	private void recomputeSafely() {
		try {
			recompute();
		}
		catch (RuntimeException ex) {
			this.failures.report("top statement meters", ex);
		}
	}

	/**
	 * Recompute membership from the current ranking.
	 */
	public synchronized void recompute() {
		if (this.registry == null || this.k <= 0) {
			return;
		}
		List<Candidate> top = this.ranking.get();
		Map<String, Candidate> inTop = new HashMap<>();
		for (int i = 0; i < Math.min(this.k, top.size()); i++) {
			inTop.put(top.get(i).id(), top.get(i));
		}
		// Members out of the top count their absences; those out long enough, or gone,
		// leave.
		for (Member member : new ArrayList<>(this.members.values())) {
			Candidate now = this.lookup.apply(member.id);
			member.absences = inTop.containsKey(member.id) ? 0 : member.absences + 1;
			if (now == null || member.absences >= STAY_OUT) {
				remove(member);
			}
		}
		for (Candidate candidate : top) {
			if (this.members.containsKey(candidate.id()) || !inTop.containsKey(candidate.id())) {
				continue;
			}
			if (this.members.size() < this.k) {
				add(candidate);
				continue;
			}
			Member weakest = weakest();
			if (weakest != null && weakest.absences > 0 && candidate.totalNanos() > MARGIN * totalOf(weakest)) {
				remove(weakest);
				add(candidate);
			}
		}
	}

	private Member weakest() {
		Member weakest = null;
		for (Member member : this.members.values()) {
			if (weakest == null || totalOf(member) < totalOf(weakest)) {
				weakest = member;
			}
		}
		return weakest;
	}

	private double totalOf(Member member) {
		Candidate now = this.lookup.apply(member.id);
		return (now != null) ? now.totalNanos() : 0;
	}

	private void add(Candidate candidate) {
		Tags tags = Tags.of("statement", candidate.id(), "operation", candidate.operation(), "repository",
				candidate.repository(), "method", candidate.method(), "datasource", candidate.datasource());
		String id = candidate.id();
		FunctionTimer timer = FunctionTimer
			.builder(MeterNames.STATEMENT_TOP, this, (meters) -> (long) meters.figure(id, (now) -> now.count()),
					(meters) -> meters.figure(id, Candidate::totalNanos), TimeUnit.NANOSECONDS)
			.description("Calls and time of the statements with the most total time (id: see /actuator/dbperf/{id})")
			.tags(tags)
			.register(this.registry);
		Gauge max = Gauge
			.builder(MeterNames.STATEMENT_TOP_MAX, this, (meters) -> meters.figure(id, Candidate::maxNanos) / 1e9)
			.description("Longest execution of the statements with the most total time")
			.baseUnit("seconds")
			.tags(tags)
			.register(this.registry);
		this.members.put(id, new Member(id, List.of(timer, max)));
	}

	private void remove(Member member) {
		this.members.remove(member.id);
		member.meters.forEach(this.registry::remove);
	}

	private double figure(String id, java.util.function.ToDoubleFunction<Candidate> figure) {
		Candidate now = this.lookup.apply(id);
		return (now != null) ? figure.applyAsDouble(now) : 0;
	}

	/**
	 * The ids of the statements published now.
	 * @return the ids
	 */
	public synchronized List<String> members() {
		return List.copyOf(this.members.keySet());
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	/**
	 * One statement's figures.
	 *
	 * @param id the fingerprint id
	 * @param operation {@code select}, ...
	 * @param repository the repository that issues it most, or {@code none}
	 * @param method that repository's method, or {@code none}
	 * @param datasource the DataSource that runs it
	 * @param count executions
	 * @param totalNanos total time
	 * @param maxNanos longest execution
	 */
	public record Candidate(String id, String operation, String repository, String method, String datasource,
			long count, double totalNanos, double maxNanos) {

	}

	private static final class Member {

		private final String id;

		private final List<Meter> meters;

		private int absences;

		Member(String id, List<Meter> meters) {
			this.id = id;
			this.meters = meters;
		}

	}

}

package io.github.dbperf.endpoint;

import java.time.Duration;
import java.util.List;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.endpoint.DbPerfReport.DataSourceDescriptor;
import io.github.dbperf.endpoint.DbPerfReport.StatisticsDescriptor;
import io.github.dbperf.explain.ExecutionPlan;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.nplusone.NPlusOneFinding;
import io.github.dbperf.nplusone.NPlusOneFindings;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.AssociationStatistics;
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.convert.DurationStyle;

/**
 * Assembles what the endpoint shows from dbperf's stores: the report and one statement's
 * detail, as immutable records. Validates the query parameters.
 */
public final class DbPerfReports {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 1000;

	private final DataSourceMonitor monitor;

	private final StatementStatistics statistics;

	private final RepositoryStatistics repositories;

	private final SlowQueryLog slowQueries;

	private final SlowQueryThreshold threshold;

	private final NPlusOneFindings nPlusOne;

	private final @Nullable PlanCapture plans;

	private final AssociationStatistics associations;

	public DbPerfReports(DataSourceMonitor monitor, StatementStatistics statistics, RepositoryStatistics repositories,
			SlowQueryLog slowQueries, SlowQueryThreshold threshold, NPlusOneFindings nPlusOne,
			@Nullable PlanCapture plans, AssociationStatistics associations) {
		this.associations = associations;
		this.nPlusOne = nPlusOne;
		this.plans = plans;
		this.monitor = monitor;
		this.statistics = statistics;
		this.repositories = repositories;
		this.slowQueries = slowQueries;
		this.threshold = threshold;
	}

	/**
	 * The report.
	 * @param order the order of top statements
	 * @param limit how many top statements
	 * @return the report
	 */
	public DbPerfReport report(StatementOrder order, int limit) {
		List<DataSourceDescriptor> dataSources = this.monitor.monitored()
			.stream()
			.map((monitored) -> new DataSourceDescriptor(monitored.name(), monitored.type()))
			.toList();
		StatisticsDescriptor statistics = new StatisticsDescriptor(this.statistics.tracked(),
				this.statistics.capacity(), this.statistics.evictions(), this.statistics.since(),
				DurationStyle.SIMPLE.print(this.threshold.get()));
		return new DbPerfReport(dataSources, statistics, slowQueries(), this.statistics.top(order, limit),
				this.nPlusOne.snapshot(), this.repositories.snapshot(), this.associations.snapshot());
	}

	/**
	 * Everything known about one statement.
	 * @param id the fingerprint id
	 * @return the detail, or {@code null} when unknown
	 */
	public @Nullable StatementDetail statement(String id) {
		StatementSnapshot statement = this.statistics.get(id);
		if (statement == null) {
			return null;
		}
		List<SlowQuery> slow = slowQueries().stream().filter((query) -> query.id().equals(id)).toList();
		List<NPlusOneFinding> findings = this.nPlusOne.snapshot()
			.stream()
			.filter((finding) -> finding.id().equals(id))
			.toList();
		return new StatementDetail(statement, slow, findings, (this.plans != null) ? this.plans.plan(id) : null);
	}

	/**
	 * Recent slow queries with the summary of their statement's plan, when captured.
	 */
	private List<SlowQuery> slowQueries() {
		List<SlowQuery> recent = this.slowQueries.recent();
		if (this.plans == null) {
			return recent;
		}
		return recent.stream().map((query) -> {
			ExecutionPlan plan = this.plans.plan(query.id());
			return (plan != null) ? query.withPlan(plan.summary()) : query;
		}).toList();
	}

	/**
	 * Forget all statistics and findings.
	 */
	public void reset() {
		if (this.plans != null) {
			this.plans.reset();
		}
		this.statistics.reset();
		this.repositories.reset();
		this.slowQueries.reset();
		this.nPlusOne.reset();
		this.associations.reset();
	}

	/**
	 * Change the slow-query threshold.
	 * @param value a positive duration such as {@code 150ms}
	 * @return the threshold now in force
	 */
	public Duration changeThreshold(String value) {
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			duration = null;
		}
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidEndpointRequestException("Invalid value '" + value
					+ "' for slowQueryThreshold: allowed values are a positive duration such as 150ms or 2s",
					"Invalid slowQueryThreshold");
		}
		this.threshold.set(duration);
		return duration;
	}

	public Duration threshold() {
		return this.threshold.get();
	}

	static StatementOrder order(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return StatementOrder.TOTAL;
		}
		try {
			return StatementOrder.of(sort);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), "Invalid sort");
		}
	}

	static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidEndpointRequestException(
					"Invalid limit " + limit + ": allowed values are 1 to " + MAX_LIMIT, "Invalid limit");
		}
		return limit;
	}

}

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
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code /actuator/dbperf}: the slowest and costliest statements, slow queries, N+1
 * findings and repository methods. Read-only unless
 * {@code management.endpoint.dbperf.access=unrestricted}: resetting and changing the
 * threshold are writes.
 */
@Endpoint(id = "dbperf", defaultAccess = Access.READ_ONLY)
// Optional parameters carry Spring's own @Nullable too: Boot 3.5 reads only that one.
@SuppressWarnings("deprecation")
public class DbPerfEndpoint {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 1000;

	private final DataSourceMonitor monitor;

	private final StatementStatistics statistics;

	private final RepositoryStatistics repositories;

	private final SlowQueryLog slowQueries;

	private final SlowQueryThreshold threshold;

	private final NPlusOneFindings nPlusOne;

	private final @Nullable PlanCapture plans;

	public DbPerfEndpoint(DataSourceMonitor monitor, StatementStatistics statistics, RepositoryStatistics repositories,
			SlowQueryLog slowQueries, SlowQueryThreshold threshold, NPlusOneFindings nPlusOne,
			@Nullable PlanCapture plans) {
		this.nPlusOne = nPlusOne;
		this.plans = plans;
		this.monitor = monitor;
		this.statistics = statistics;
		this.repositories = repositories;
		this.slowQueries = slowQueries;
		this.threshold = threshold;
	}

	@ReadOperation
	public DbPerfReport report(@Nullable @org.springframework.lang.Nullable String sort, @Nullable @org.springframework.lang.Nullable Integer limit) {
		StatementOrder order = order(sort);
		int max = limit(limit);
		List<DataSourceDescriptor> dataSources = this.monitor.monitored()
			.stream()
			.map((monitored) -> new DataSourceDescriptor(monitored.name(), monitored.type()))
			.toList();
		StatisticsDescriptor statistics = new StatisticsDescriptor(this.statistics.tracked(),
				this.statistics.capacity(), this.statistics.evictions(), this.statistics.since(),
				DurationStyle.SIMPLE.print(this.threshold.get()));
		return new DbPerfReport(dataSources, statistics, slowQueries(), this.statistics.top(order, max),
				this.nPlusOne.snapshot(), this.repositories.snapshot());
	}

	/**
	 * The report as an HTML page, for browsers (they ask for {@code text/html}).
	 * @param sort the order of top statements
	 * @param limit how many top statements
	 * @return the page
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public String dashboard(@Nullable @org.springframework.lang.Nullable String sort, @Nullable @org.springframework.lang.Nullable Integer limit) {
		return DashboardPage.render(report(sort, limit), order(sort), limit(limit));
	}

	/**
	 * One statement as an HTML page.
	 * @param id the fingerprint id
	 * @return the page, or {@code null} (404) when unknown
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public @Nullable String statementPage(@Selector String id) {
		StatementDetail detail = statement(id);
		return (detail != null) ? DashboardPage.renderStatement(detail) : null;
	}

	@ReadOperation
	public @Nullable StatementDetail statement(@Selector String id) {
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

	@DeleteOperation
	public void reset() {
		if (this.plans != null) {
			this.plans.reset();
		}
		this.statistics.reset();
		this.repositories.reset();
		this.slowQueries.reset();
		this.nPlusOne.reset();
	}

	@WriteOperation
	public SettingsDescriptor configure(@Nullable @org.springframework.lang.Nullable String slowQueryThreshold) {
		if (slowQueryThreshold != null) {
			this.threshold.set(parseThreshold(slowQueryThreshold));
		}
		return new SettingsDescriptor(DurationStyle.SIMPLE.print(this.threshold.get()));
	}

	private static Duration parseThreshold(String value) {
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
		return duration;
	}

	private static StatementOrder order(@Nullable String sort) {
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

	private static int limit(@Nullable Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidEndpointRequestException(
					"Invalid limit " + limit + ": allowed values are 1 to " + MAX_LIMIT, "Invalid limit");
		}
		return limit;
	}

	/**
	 * The settings that can be changed at runtime.
	 *
	 * @param slowQueryThreshold the slow-query threshold now in force
	 */
	public record SettingsDescriptor(String slowQueryThreshold) {

	}

}

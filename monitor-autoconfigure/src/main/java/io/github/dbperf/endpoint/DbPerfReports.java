package io.github.dbperf.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.endpoint.DbPerfReport.DataSourceDescriptor;
import io.github.dbperf.endpoint.DbPerfReport.StatisticsDescriptor;
import io.github.dbperf.endpoint.DbPerfReport.Summary;
import io.github.dbperf.explain.ExecutionPlan;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.orm.MappingFindings;
import io.github.dbperf.findings.RegressionDetector;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.AssociationStatistics;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.statistics.StatementTotals;
import io.github.dbperf.statistics.Window;
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

	/** Statements listed per entry point in the report (its detail lists them all). */
	static final int ENTRYPOINT_STATEMENTS = 3;

	private final DataSourceMonitor monitor;

	private final StatementStatistics statistics;

	private final RepositoryStatistics repositories;

	private final SlowQueryLog slowQueries;

	private final SlowQueryThreshold threshold;

	private final Findings findings;

	private final @Nullable PlanCapture plans;

	private final AssociationStatistics associations;

	private final EntryPointStatistics entrypoints;

	private final RegressionDetector regressions;

	private final @Nullable DatabaseStatistics database;

	private final @Nullable ConnectionViews connections;

	private final MappingFindings mappings;

	public DbPerfReports(DataSourceMonitor monitor, StatementStatistics statistics, RepositoryStatistics repositories,
			SlowQueryLog slowQueries, SlowQueryThreshold threshold, Findings findings, @Nullable PlanCapture plans,
			AssociationStatistics associations, EntryPointStatistics entrypoints, RegressionDetector regressions,
			@Nullable DatabaseStatistics database) {
		this(monitor, statistics, repositories, slowQueries, threshold, findings, plans, associations, entrypoints,
				regressions, database, List::of);
	}

	/**
	 * Create the reports of a context.
	 * @param monitor the monitored DataSources
	 * @param statistics per statement
	 * @param repositories per repository method
	 * @param slowQueries slow statements
	 * @param threshold the slow-query threshold
	 * @param findings runtime findings
	 * @param plans captured plans, or {@code null}
	 * @param associations per association
	 * @param entrypoints per entry point
	 * @param regressions regressions in force
	 * @param database the database's own statistics, or {@code null}
	 * @param mappings the mapping findings read at startup
	 */
	public DbPerfReports(DataSourceMonitor monitor, StatementStatistics statistics, RepositoryStatistics repositories,
			SlowQueryLog slowQueries, SlowQueryThreshold threshold, Findings findings, @Nullable PlanCapture plans,
			AssociationStatistics associations, EntryPointStatistics entrypoints, RegressionDetector regressions,
			@Nullable DatabaseStatistics database, MappingFindings mappings) {
		this(monitor, statistics, repositories, slowQueries, threshold, findings, plans, associations, entrypoints,
				regressions, database, mappings, null);
	}

	/**
	 * Create the reports of a context whose connections are followed.
	 * @param monitor the monitored DataSources
	 * @param statistics per statement
	 * @param repositories per repository method
	 * @param slowQueries slow statements
	 * @param threshold the slow-query threshold
	 * @param findings runtime findings
	 * @param plans captured plans, or {@code null}
	 * @param associations per association
	 * @param entrypoints per entry point
	 * @param regressions regressions in force
	 * @param database the database's own statistics, or {@code null}
	 * @param mappings the mapping findings read at startup
	 * @param connections the connections by DataSource, or {@code null} when not followed
	 */
	public DbPerfReports(DataSourceMonitor monitor, StatementStatistics statistics, RepositoryStatistics repositories,
			SlowQueryLog slowQueries, SlowQueryThreshold threshold, Findings findings, @Nullable PlanCapture plans,
			AssociationStatistics associations, EntryPointStatistics entrypoints, RegressionDetector regressions,
			@Nullable DatabaseStatistics database, MappingFindings mappings, @Nullable ConnectionViews connections) {
		this.connections = connections;
		this.mappings = mappings;
		this.database = database;
		this.entrypoints = entrypoints;
		this.regressions = regressions;
		this.associations = associations;
		this.findings = findings;
		this.plans = plans;
		this.monitor = monitor;
		this.statistics = statistics;
		this.repositories = repositories;
		this.slowQueries = slowQueries;
		this.threshold = threshold;
	}

	/**
	 * The report since start, startup statements included among the top ones.
	 * @param order the order of top statements
	 * @param limit how many top statements
	 * @return the report
	 */
	public DbPerfReport report(StatementOrder order, int limit) {
		return report(order, limit, Window.ALL, true);
	}

	/**
	 * The report over a window.
	 * @param order the order of top statements
	 * @param limit how many top statements
	 * @param window the span of top statements, repositories and entry points
	 * @param includeStartup whether statements run only at startup count among the top
	 * @return the report
	 */
	public DbPerfReport report(StatementOrder order, int limit, Window window, boolean includeStartup) {
		List<DataSourceDescriptor> dataSources = this.monitor.monitored()
			.stream()
			.map((monitored) -> new DataSourceDescriptor(monitored.name(), monitored.type()))
			.toList();
		StatisticsDescriptor statistics = new StatisticsDescriptor(this.statistics.tracked(),
				this.statistics.capacity(), this.statistics.evictions(), this.statistics.since(),
				DurationStyle.SIMPLE.print(this.threshold.get()));
		List<Finding> findings = findings();
		StatementTotals totals = this.statistics.totals(window);
		List<EntryPointSnapshot> entrypoints = this.entrypoints.snapshot(window, shareOf(totals, includeStartup))
			.stream()
			.map((entrypoint) -> entrypoint.with(findingsOf(findings, entrypoint.name()),
					this.statistics.ranBy(entrypoint.name(), ENTRYPOINT_STATEMENTS)))
			.toList();
		List<SlowQuery> slowQueries = slowQueries();
		return new DbPerfReport(summary(window, totals, slowQueries, findings), dataSources, statistics, slowQueries,
				withDatabase(this.statistics.top(order, limit, window, includeStartup)), findings,
				this.repositories.snapshot(window), this.associations.snapshot(), window.value(), entrypoints,
				this.statistics.startup(MAX_LIMIT), (this.database != null) ? this.database.views() : List.of(),
				mappings(findings), (this.connections != null) ? this.connections.views(window) : List.of());
	}

	/**
	 * The database time entry points' shares are of: startup's left out unless asked for,
	 * so that the picture is of the application's work.
	 */
	private static long shareOf(StatementTotals totals, boolean includeStartup) {
		return includeStartup ? totals.nanos() : totals.nanosAfterStartup();
	}

	private Summary summary(Window window, StatementTotals totals, List<SlowQuery> slowQueries,
			List<Finding> findings) {
		Instant now = Instant.now();
		Instant start = start(window, now);
		long slow = slowQueries.stream().filter((query) -> !query.timestamp().isBefore(start)).count();
		Map<String, Long> byKind = new LinkedHashMap<>();
		findings.stream()
			.filter((finding) -> !finding.lastSeen().isBefore(start))
			.collect(Collectors.groupingBy((finding) -> finding.kind().name(), Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach((entry) -> byKind.put(entry.getKey(), entry.getValue()));
		double seconds = Math.max(1, Duration.between(start, now).toMillis() / 1000.0);
		return new Summary(window.value(), totals.statements(), Math.round(totals.statements() / seconds * 100) / 100.0,
				StatementSnapshot.millis(totals.nanos()), totals.errors(), slow, byKind,
				StatementSnapshot.millis(totals.startupNanos()), StatementSnapshot.millis(totals.backgroundNanos()));
	}

	/**
	 * Where a window starts: the beginning of its first whole minute, or the last reset.
	 */
	private Instant start(Window window, Instant now) {
		if (window == Window.ALL) {
			return this.statistics.since();
		}
		long minute = now.toEpochMilli() / 60_000 - window.minutes();
		Instant start = Instant.ofEpochMilli(minute * 60_000);
		return start.isBefore(this.statistics.since()) ? this.statistics.since() : start;
	}

	/**
	 * The findings last seen in a window, the costliest first: by the database time their
	 * statement took in it, then by how often they occurred.
	 * @param findings the findings
	 * @param window the span
	 * @return the findings with their cost, and how many were last seen before the window
	 */
	RankedFindings ranked(List<Finding> findings, Window window) {
		Instant start = start(window, Instant.now());
		List<RankedFindings.Ranked> ranked = findings.stream()
			.filter((finding) -> !finding.lastSeen().isBefore(start))
			.map((finding) -> new RankedFindings.Ranked(finding,
					StatementSnapshot.millis(this.statistics.nanos(finding.id(), window))))
			.sorted(Comparator.comparingDouble(RankedFindings.Ranked::dbMillis)
				.reversed()
				.thenComparing(
						Comparator.comparingLong((RankedFindings.Ranked r) -> r.finding().occurrences()).reversed()))
			.toList();
		return new RankedFindings(ranked, findings.size() - ranked.size());
	}

	private List<StatementSnapshot> withDatabase(List<StatementSnapshot> statements) {
		if (this.database == null) {
			return statements;
		}
		return statements.stream()
			.map((statement) -> statement.withDatabase(this.database.figures(statement.id())))
			.toList();
	}

	/**
	 * One entry point in detail.
	 * @param name the entry point
	 * @param window the span of its figures
	 * @return the detail, or {@code null} when unknown
	 */
	public @Nullable EntryPointDetail entrypoint(String name, Window window) {
		EntryPointSnapshot entrypoint = this.entrypoints.get(name, window,
				this.statistics.totals(window).nanosAfterStartup());
		if (entrypoint == null) {
			return null;
		}
		List<Finding> findings = findings().stream().filter((finding) -> finding.entrypoint().equals(name)).toList();
		return new EntryPointDetail(window.value(),
				entrypoint.with(findings.size(), this.statistics.ranBy(name, MAX_LIMIT)), findings);
	}

	/**
	 * The mapping findings with the runtime findings they explain.
	 * @param findings the runtime findings
	 * @return the mapping findings to show
	 */
	List<MappingView> mappings(List<Finding> findings) {
		return MappingEvidence.views(this.mappings.findings(), findings);
	}

	/**
	 * Regressions in force, then the other findings.
	 */
	private List<Finding> findings() {
		List<Finding> findings = new ArrayList<>(this.regressions.active());
		findings.addAll(this.findings.snapshot());
		return findings;
	}

	private static int findingsOf(List<Finding> findings, String entrypoint) {
		return (int) findings.stream().filter((finding) -> finding.entrypoint().equals(entrypoint)).count();
	}

	/**
	 * Everything known about one statement.
	 * @param id the fingerprint id
	 * @return the detail, or {@code null} when unknown
	 */
	public @Nullable StatementDetail statement(String id) {
		return statement(id, Window.ALL);
	}

	/**
	 * Everything known about one statement, its figures over a window.
	 * @param id the fingerprint id
	 * @param window the span of its figures
	 * @return the detail, or {@code null} when unknown
	 */
	public @Nullable StatementDetail statement(String id, Window window) {
		StatementSnapshot statement = this.statistics.get(id, window);
		if (statement == null) {
			return null;
		}
		if (this.database != null) {
			statement = statement.withDatabase(this.database.figures(id));
		}
		List<SlowQuery> slow = slowQueries().stream().filter((query) -> query.id().equals(id)).toList();
		List<Finding> findings = findings().stream().filter((finding) -> finding.id().equals(id)).toList();
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
		this.findings.reset();
		this.associations.reset();
		this.entrypoints.reset();
		if (this.connections != null) {
			this.connections.reset();
		}
		this.regressions.reset();
		if (this.database != null) {
			this.database.reset();
		}
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
			throw new InvalidEndpointRequestException(
					"Invalid value '" + value
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

	static Window window(@Nullable String window, Window otherwise) {
		if (window == null || window.isBlank()) {
			return otherwise;
		}
		try {
			return Window.of(window);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), "Invalid window");
		}
	}

	static boolean includeStartup(@Nullable String include) {
		if (include == null || include.isBlank()) {
			return false;
		}
		if (!include.trim().equalsIgnoreCase("startup")) {
			throw new InvalidEndpointRequestException("Invalid include '" + include + "': the allowed value is startup",
					"Invalid include");
		}
		return true;
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

package io.github.dbperf.findings;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.findings.Finding.RegressionDetails;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.statistics.MinuteListener;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the end of each minute, compares every statement's 95th percentile over the last
 * {@value #RECENT_MINUTES} minutes with its 95th percentile over the hour before: several
 * times slower, with enough executions in both, is a {@code REGRESSION} finding for as
 * long as it lasts. Told listeners once when one begins; one WARN per statement per
 * {@value #LOG_MINUTES} minutes.
 */
public final class RegressionDetector implements MinuteListener {

	static final int RECENT_MINUTES = 5;

	static final int LOG_MINUTES = 10;

	private static final Logger logger = LoggerFactory.getLogger(RegressionDetector.class);

	private final StatementStatistics statistics;

	private final StatementCallSites callSites;

	private final double factor;

	private final long minCalls;

	private final long minP95Nanos;

	private final List<RegressionListener> listeners;

	private final Map<String, Long> lastLogged = BoundedCaches.<String, Long>ofSize(10_000, null).asMap();

	private volatile Map<String, Finding> active = Map.of();

	/**
	 * Create a detector.
	 * @param statistics the statements and their minutes
	 * @param callSites where the application ran each statement (the slow-query log)
	 * @param factor how many times slower
	 * @param minCalls executions needed in both spans
	 * @param minP95 the recent percentile below which nothing is a regression
	 * @param listeners told when a regression begins
	 */
	public RegressionDetector(StatementStatistics statistics, StatementCallSites callSites, double factor,
			long minCalls, Duration minP95, List<RegressionListener> listeners) {
		this.statistics = statistics;
		this.callSites = callSites;
		this.factor = factor;
		this.minCalls = minCalls;
		this.minP95Nanos = minP95.toNanos();
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void minuteEnded(long now) {
		Map<String, Finding> previous = this.active;
		Map<String, Finding> found = new LinkedHashMap<>();
		this.statistics.compare(RECENT_MINUTES, (statement, recentCalls, recentP95, beforeCalls, beforeP95) -> {
			if (recentCalls >= this.minCalls && beforeCalls >= this.minCalls && recentP95 >= this.minP95Nanos
					&& recentP95 >= this.factor * beforeP95) {
				Finding before = previous.get(statement.id());
				found.put(statement.id(), finding(statement, recentCalls, recentP95, beforeCalls, beforeP95,
						(before != null) ? before.firstSeen() : Instant.now()));
			}
		});
		this.active = found;
		long nowMillis = now * 60_000;
		for (Finding regression : found.values()) {
			if (!previous.containsKey(regression.id())) {
				this.listeners.forEach((listener) -> listener.onRegression(regression));
			}
			Long last = this.lastLogged.get(regression.id());
			if (last == null || nowMillis - last >= LOG_MINUTES * 60_000L) {
				this.lastLogged.put(regression.id(), nowMillis);
				logger.warn("{}", describe(regression));
			}
		}
	}

	private Finding finding(StatementSnapshot statement, long recentCalls, long recentP95, long beforeCalls,
			long beforeP95, Instant since) {
		RepositoryMethod method = statement.mainRepositoryMethod();
		RegressionDetails details = new RegressionDetails(StatementSnapshot.millis(beforeP95),
				StatementSnapshot.millis(recentP95), beforeCalls, recentCalls,
				Math.round(10.0 * recentP95 / Math.max(beforeP95, 1)) / 10.0);
		List<String> suggestions = List.of(
				"Compare its execution plan now with before (the statement's page shows the latest plan when "
						+ "dbperf.explain.enabled is on): a dropped or unused index, or a plan change after new "
						+ "statistics, turns a lookup into a scan",
				"Check what else runs in these minutes: locks held by a long transaction, a batch job, a "
						+ "bigger table or a cold cache slow every execution",
				"If the data grew, add the index its WHERE clause needs or page the result");
		return Finding.builder(FindingKind.REGRESSION, statement.id(), statement.sql())
			.entrypoint(statement.mainEntrypoint())
			.repositoryMethod(method.repository(), method.method())
			.callSite(this.callSites.callSiteOf(statement.id()))
			.occurrences(recentCalls, 0)
			.seen(since, Instant.now())
			.suggestions(suggestions)
			.details(details)
			.build();
	}

	private static String describe(Finding regression) {
		RegressionDetails figures = (RegressionDetails) regression.details();
		return "Regression: " + regression.sql() + " has a 95th percentile of " + figures.p95RecentMillis()
				+ " ms over the last " + RECENT_MINUTES + " minutes (" + figures.callsRecent() + " executions), "
				+ figures.factor() + " times the " + figures.p95BeforeMillis() + " ms of the hour before ("
				+ figures.callsBefore() + " executions), in '" + regression.entrypoint() + "' ("
				+ regression.repository() + "." + regression.method() + ", at " + regression.callSite() + "). "
				+ regression.suggestions().get(0);
	}

	/**
	 * The regressions in force since the latest minute ended.
	 * @return findings, in no order
	 */
	public List<Finding> active() {
		return List.copyOf(this.active.values());
	}

	public void reset() {
		this.active = Map.of();
	}

	@Override
	public int getOrder() {
		// After the stores it reads have ended their minute.
		return LOWEST_PRECEDENCE;
	}

}

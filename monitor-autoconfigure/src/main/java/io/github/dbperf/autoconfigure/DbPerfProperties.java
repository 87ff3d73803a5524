package io.github.dbperf.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of dbperf ({@code dbperf.*}).
 */
@ConfigurationProperties("dbperf")
public class DbPerfProperties implements Validator {

	/**
	 * Whether dbperf monitors the application's DataSources.
	 */
	private boolean enabled = true;

	private final DataSource datasource = new DataSource();

	private final SlowQuery slowQuery = new SlowQuery();

	private final Statistics statistics = new Statistics();

	private final NPlusOne nPlusOne = new NPlusOne();

	private final Explain explain = new Explain();

	private final Sql sql = new Sql();

	private final Attribution attribution = new Attribution();

	private final Findings findings = new Findings();

	private final Metrics metrics = new Metrics();

	private final DatabaseStatistics databaseStatistics = new DatabaseStatistics();

	private final Mappings mappings = new Mappings();

	private final SqlComments sqlComments = new SqlComments();

	private final Tracing tracing = new Tracing();

	private final Connections connections = new Connections();

	public Tracing getTracing() {
		return this.tracing;
	}

	public Connections getConnections() {
		return this.connections;
	}

	public SqlComments getSqlComments() {
		return this.sqlComments;
	}

	public Mappings getMappings() {
		return this.mappings;
	}

	public DatabaseStatistics getDatabaseStatistics() {
		return this.databaseStatistics;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Findings getFindings() {
		return this.findings;
	}

	public Attribution getAttribution() {
		return this.attribution;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSource getDatasource() {
		return this.datasource;
	}

	public SlowQuery getSlowQuery() {
		return this.slowQuery;
	}

	public Statistics getStatistics() {
		return this.statistics;
	}

	public NPlusOne getNPlusOne() {
		return this.nPlusOne;
	}

	public Explain getExplain() {
		return this.explain;
	}

	public Sql getSql() {
		return this.sql;
	}

	@Override
	public boolean supports(Class<?> type) {
		return DbPerfProperties.class.isAssignableFrom(type);
	}

	/**
	 * Checks every bound value; Boot reports what is rejected with the property's name,
	 * value and origin, and {@link DbPerfPropertiesFailureAnalyzer} says what is allowed.
	 */
	@Override
	public void validate(Object target, Errors errors) {
		DbPerfProperties properties = (DbPerfProperties) target;
		int topStatements = properties.metrics.getTopStatements();
		check(errors, "metrics.topStatements", topStatements >= 0 && topStatements <= 1000, "0 (none) to 1000");
		Findings.Regression regression = properties.findings.getRegression();
		check(errors, "findings.regression.factor", regression.getFactor() > 1, "a number above 1 such as 3");
		check(errors, "findings.regression.minCalls", regression.getMinCalls() > 0,
				"a positive number of executions such as 20");
		check(errors, "findings.regression.minP95", isPositiveOrZero(regression.getMinP95()),
				"a duration of zero or more such as 1ms");
		check(errors, "findings.largeResult.rows", properties.findings.getLargeResult().getRows() > 0,
				"a positive number of rows such as 1000");
		check(errors, "findings.unbatchedWrites.threshold",
				properties.findings.getUnbatchedWrites().getThreshold() >= 2, "2 or more");
		String traceUrl = properties.tracing.getTraceUrl();
		check(errors, "tracing.traceUrl",
				traceUrl == null || (traceUrl.contains("{traceId}")
						&& (traceUrl.startsWith("http://") || traceUrl.startsWith("https://"))),
				"an http or https URL with {traceId} where the trace id goes, such as "
						+ "https://tempo.example/trace/{traceId}");
		List<String> ignore = properties.mappings.getIgnore();
		for (int i = 0; i < ignore.size(); i++) {
			check(errors, "mappings.ignore[" + i + "]", MappingIgnore.isValid(ignore.get(i)),
					"a kind of mapping finding (" + MappingIgnore.kinds() + "), alone or followed by ':' and "
							+ "what it names, such as EAGER_TO_ONE:Book.author");
		}
		Connections connections = properties.connections;
		Duration wait = connections.getWaitThreshold();
		check(errors, "connections.waitThreshold", isPositiveOrZero(wait) && !wait.isZero(),
				"a positive duration such as 100ms");
		Duration hold = connections.getHoldThreshold();
		check(errors, "connections.holdThreshold", isPositiveOrZero(hold) && !hold.isZero(),
				"a positive duration such as 500ms");
		check(errors, "connections.leakThreshold", isPositiveOrZero(connections.getLeakThreshold()),
				"0 (off) or a positive duration such as 60s");
		Duration slow = properties.slowQuery.getThreshold();
		check(errors, "slowQuery.threshold", isPositiveOrZero(slow) && !slow.isZero(),
				"a positive duration such as 150ms or 2s");
		int capacity = properties.slowQuery.getCapacity();
		check(errors, "slowQuery.capacity", capacity >= 1 && capacity <= 100_000, "1 to 100000");
		int maxStatements = properties.statistics.getMaxStatements();
		check(errors, "statistics.maxStatements", maxStatements >= 10 && maxStatements <= 1_000_000, "10 to 1000000");
		check(errors, "nPlusOne.threshold", properties.nPlusOne.getThreshold() >= 2, "2 or more");
		Duration reads = properties.databaseStatistics.getInterval();
		check(errors, "databaseStatistics.interval", reads != null && reads.compareTo(Duration.ofSeconds(1)) >= 0,
				"a duration of at least 1s such as 1m");
		check(errors, "explain.interval", isPositiveOrZero(properties.explain.getInterval()),
				"zero or a positive duration such as 10m");
		Duration timeout = properties.explain.getTimeout();
		check(errors, "explain.timeout", timeout != null && timeout.toSeconds() >= 1, "a duration of at least 1s");
		int queueCapacity = properties.explain.getQueueCapacity();
		check(errors, "explain.queueCapacity", queueCapacity >= 1 && queueCapacity <= 10_000, "1 to 10000");
	}

	private static boolean isPositiveOrZero(Duration duration) {
		return duration != null && !duration.isNegative();
	}

	/**
	 * Rejects a property.
	 * @param field its path below {@code dbperf}, as a Java property path
	 * @param valid whether its value is allowed
	 * @param allowed the allowed values, in words: the error's default message
	 */
	private static void check(Errors errors, String field, boolean valid, String allowed) {
		if (!valid) {
			errors.rejectValue(field, "dbperf.invalid", allowed);
		}
	}

	public static class Metrics {

		/**
		 * Statements with the most total time published as dbperf.statement.top series,
		 * tagged with their fingerprint id (0 publishes none).
		 */
		private int topStatements = 25;

		public int getTopStatements() {
			return this.topStatements;
		}

		public void setTopStatements(int topStatements) {
			this.topStatements = topStatements;
		}

	}

	public static class Findings {

		private final LargeResult largeResult = new LargeResult();

		private final Regression regression = new Regression();

		private final UnbatchedWrites unbatchedWrites = new UnbatchedWrites();

		public UnbatchedWrites getUnbatchedWrites() {
			return this.unbatchedWrites;
		}

		public LargeResult getLargeResult() {
			return this.largeResult;
		}

		public Regression getRegression() {
			return this.regression;
		}

		public static class Regression {

			/**
			 * A statement whose 95th percentile over the last 5 minutes is at least this
			 * many times its 95th percentile over the hour before is a REGRESSION
			 * finding.
			 */
			private double factor = 3;

			/**
			 * Executions a statement needs both in the last 5 minutes and in the hour
			 * before for its percentiles to be compared: with 20, one slow outlier never
			 * makes a 95th percentile.
			 */
			private long minCalls = 20;

			/**
			 * The 95th percentile over the last 5 minutes below which a statement is
			 * never a regression: below a millisecond, a GC pause or a cold cache moves
			 * percentiles of fast statements by more than the factor.
			 */
			private Duration minP95 = Duration.ofMillis(1);

			public double getFactor() {
				return this.factor;
			}

			public void setFactor(double factor) {
				this.factor = factor;
			}

			public long getMinCalls() {
				return this.minCalls;
			}

			public void setMinCalls(long minCalls) {
				this.minCalls = minCalls;
			}

			public Duration getMinP95() {
				return this.minP95;
			}

			public void setMinP95(Duration minP95) {
				this.minP95 = minP95;
			}

		}

		public static class UnbatchedWrites {

			/**
			 * Executions of one insert, update or delete outside a JDBC batch in one unit
			 * of work that make an UNBATCHED_WRITES finding: from 10, a batch saves at
			 * least 9 round trips.
			 */
			private int threshold = 10;

			public int getThreshold() {
				return this.threshold;
			}

			public void setThreshold(int threshold) {
				this.threshold = threshold;
			}

		}

		public static class LargeResult {

			/**
			 * Rows one SELECT execution may return before it is a LARGE_RESULT finding.
			 */
			private long rows = 1000;

			public long getRows() {
				return this.rows;
			}

			public void setRows(long rows) {
				this.rows = rows;
			}

		}

	}

	public static class Attribution {

		/**
		 * Whether tasks run by the application's task executors ({@code @Async} methods,
		 * submitted tasks) count for the entry point that submitted them, through a
		 * TaskDecorator (only when the application defines none of its own).
		 */
		private boolean propagateToTasks = true;

		public boolean isPropagateToTasks() {
			return this.propagateToTasks;
		}

		public void setPropagateToTasks(boolean propagateToTasks) {
			this.propagateToTasks = propagateToTasks;
		}

	}

	public static class DataSource {

		/**
		 * Bean names of DataSources to leave unwrapped.
		 */
		private Set<String> exclude = new LinkedHashSet<>();

		public Set<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(Set<String> exclude) {
			this.exclude = exclude;
		}

	}

	public static class Connections {

		/**
		 * Whether to follow each borrowed connection: the pool's wait, the time held and
		 * the time idle in transactions.
		 */
		private boolean enabled = true;

		/**
		 * Wait for a pooled connection at or above which a unit of work makes a POOL_WAIT
		 * finding. A pool with a free connection hands it out in microseconds; a tenth of
		 * a second means the pool was empty.
		 */
		private Duration waitThreshold = Duration.ofMillis(100);

		/**
		 * Time a transaction may hold its connection before, idle at least half of it, it
		 * makes an IDLE_IN_TRANSACTION finding. The slow-query threshold's default: a
		 * connection idle that long is as costly as a slow statement.
		 */
		private Duration holdThreshold = Duration.ofMillis(500);

		/**
		 * Time a connection may stay out of its pool before it makes a CONNECTION_LEAK
		 * finding (0 for never). A minute: far beyond any request, short enough to be
		 * told before the pool runs dry.
		 */
		private Duration leakThreshold = Duration.ofSeconds(60);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getWaitThreshold() {
			return this.waitThreshold;
		}

		public void setWaitThreshold(Duration waitThreshold) {
			this.waitThreshold = waitThreshold;
		}

		public Duration getHoldThreshold() {
			return this.holdThreshold;
		}

		public void setHoldThreshold(Duration holdThreshold) {
			this.holdThreshold = holdThreshold;
		}

		public Duration getLeakThreshold() {
			return this.leakThreshold;
		}

		public void setLeakThreshold(Duration leakThreshold) {
			this.leakThreshold = leakThreshold;
		}

	}

	public static class SlowQuery {

		/**
		 * Elapsed time at or above which a statement is slow.
		 */
		private Duration threshold = Duration.ofMillis(500);

		/**
		 * Number of most recent slow statements kept.
		 */
		private int capacity = 100;

		/**
		 * Whether to log one WARN line per slow statement.
		 */
		private boolean log = true;

		public Duration getThreshold() {
			return this.threshold;
		}

		public void setThreshold(Duration threshold) {
			this.threshold = threshold;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public boolean isLog() {
			return this.log;
		}

		public void setLog(boolean log) {
			this.log = log;
		}

	}

	public static class Statistics {

		/**
		 * Maximum number of statement fingerprints tracked; the least used are evicted.
		 */
		private int maxStatements = 5000;

		public int getMaxStatements() {
			return this.maxStatements;
		}

		public void setMaxStatements(int maxStatements) {
			this.maxStatements = maxStatements;
		}

	}

	public static class NPlusOne {

		/**
		 * Repetitions of one SELECT fingerprint in one unit of work that make a finding.
		 */
		private int threshold = 5;

		/**
		 * What to do with N+1 findings.
		 */
		private NPlusOneMode mode = NPlusOneMode.REPORT;

		public int getThreshold() {
			return this.threshold;
		}

		public void setThreshold(int threshold) {
			this.threshold = threshold;
		}

		public NPlusOneMode getMode() {
			return this.mode;
		}

		public void setMode(NPlusOneMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * What happens when an N+1 pattern is found.
	 */
	public enum NPlusOneMode {

		/** Detection is off and costs nothing. */
		OFF,
		/** Count it, show it in the endpoint and log it. */
		REPORT,
		/** Throw at the end of the unit of work (for tests and development). */
		STRICT

	}

	public static class DatabaseStatistics {

		/**
		 * Whether to read the database's own statement statistics (pg_stat_statements,
		 * performance_schema digests) and join them to dbperf's statements. On by
		 * default: each DataSource whose view exists and can be read is read, the others
		 * are not, with one INFO line saying why.
		 */
		private boolean enabled = true;

		/**
		 * Time between two reads of each DataSource's statement statistics.
		 */
		private Duration interval = Duration.ofMinutes(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	public static class Explain {

		/**
		 * Whether to capture execution plans of slow SELECTs asynchronously.
		 */
		private boolean enabled = false;

		/**
		 * At most one plan per statement fingerprint in this interval.
		 */
		private Duration interval = Duration.ofMinutes(10);

		/**
		 * Statement timeout of each EXPLAIN.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Plan requests waiting at most; more are dropped and counted.
		 */
		private int queueCapacity = 16;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	public static class Sql {

		/**
		 * Whether to keep bound parameter values and literals. Never on by default.
		 */
		private boolean includeParameters = false;

		public boolean isIncludeParameters() {
			return this.includeParameters;
		}

		public void setIncludeParameters(boolean includeParameters) {
			this.includeParameters = includeParameters;
		}

	}

	public static class Mappings {

		/**
		 * Mapping findings the application accepts: a kind ({@code EAGER_TO_ONE}) or one
		 * finding ({@code EAGER_TO_ONE:Book.author},
		 * {@code JDBC_BATCHING_OFF:hibernate.jdbc.batch_size}).
		 */
		private List<String> ignore = new ArrayList<>();

		public List<String> getIgnore() {
			return this.ignore;
		}

		public void setIgnore(List<String> ignore) {
			this.ignore = ignore;
		}

	}

	public static class SqlComments {

		/**
		 * Whether every statement dbperf wraps carries a sqlcommenter comment with the
		 * application, the route (entry point) and the repository method, so that the
		 * database's own views (pg_stat_activity, the slow-query log) name the code.
		 */
		private boolean enabled = false;

		/**
		 * Whether the comments also carry the W3C traceparent of the span a statement
		 * runs in (with Micrometer Tracing). A distinct text per request: it defeats the
		 * statement caches of MySQL, Oracle and SQL Server, and every comment is built
		 * per statement.
		 */
		private boolean traceparent = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isTraceparent() {
			return this.traceparent;
		}

		public void setTraceparent(boolean traceparent) {
			this.traceparent = traceparent;
		}

	}

	public static class Tracing {

		/**
		 * Link from the dashboard's findings and slow queries to the trace viewer: a URL
		 * with {traceId} where the trace id goes (none by default).
		 */
		private String traceUrl;

		/**
		 * Whether each statement gets a span of its own, a child of the span it ran in,
		 * with OpenTelemetry's database attributes and dbperf's (off by default, and
		 * while datasource-micrometer is on the class path, which traces statements
		 * already).
		 */
		private boolean spans;

		public boolean isSpans() {
			return this.spans;
		}

		public void setSpans(boolean spans) {
			this.spans = spans;
		}

		public String getTraceUrl() {
			return this.traceUrl;
		}

		public void setTraceUrl(String traceUrl) {
			this.traceUrl = traceUrl;
		}

	}

}

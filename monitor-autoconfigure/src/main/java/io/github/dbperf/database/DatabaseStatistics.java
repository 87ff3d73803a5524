package io.github.dbperf.database;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.DaemonThreads;
import io.github.dbperf.internal.ReadOnlyWork;
import io.github.dbperf.statistics.DatabaseFigures;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the database's own statement statistics of every monitored DataSource
 * periodically, off the application's threads, one read at a time, on a read-only
 * connection of the unwrapped pool with a statement timeout, and joins them to dbperf's
 * fingerprints: per statement the server's figures summed over the differences between
 * reads, and the costliest statements nobody monitored issued. A reset of the view, a
 * restart or a failed read starts a new baseline: differences never go negative.
 */
public final class DatabaseStatistics implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseStatistics.class);

	static final int TIMEOUT_SECONDS = 5;

	private static final long FIRST_READ_MILLIS = 5_000;

	private static final int MAX_ELSEWHERE = 1000;

	private static final int ELSEWHERE_SHOWN = 10;

	private final Supplier<List<String>> dataSources;

	private final Function<String, DataSource> targets;

	private final StatementStatistics statistics;

	private final List<DatabaseFindings> findings;

	private final Map<String, Reader> readers = new ConcurrentHashMap<>();

	private final Cache<String, ServerTotals> matched = BoundedCaches.ofSize(100_000, null);

	private final Cache<String, String> serverKeys = BoundedCaches.ofSize(20_000, null);

	private final LongAdder succeeded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder unavailable = new LongAdder();

	private final ScheduledExecutorService scheduler;

	private final ScheduledFuture<?> scheduled;

	/**
	 * Start reading.
	 * @param dataSources the names of the monitored DataSources
	 * @param targets the unwrapped DataSource of each
	 * @param statistics dbperf's statements, to match and to compare with
	 * @param interval time between reads
	 * @param findings told the figures after each read
	 */
	public DatabaseStatistics(Supplier<List<String>> dataSources, Function<String, DataSource> targets,
			StatementStatistics statistics, Duration interval, List<DatabaseFindings> findings) {
		this.dataSources = dataSources;
		this.targets = targets;
		this.statistics = statistics;
		this.findings = List.copyOf(findings);
		this.scheduler = DaemonThreads.scheduler("dbperf-database-statistics");
		long millis = interval.toMillis();
		// The first read soon after start: it says (once) whether the view can be read,
		// and is the baseline.
		this.scheduled = this.scheduler.scheduleWithFixedDelay(this::readAll, Math.min(millis, FIRST_READ_MILLIS),
				millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stop the scheduled reads (a read in progress completes): for callers that read on
	 * their own schedule with {@link #readNow()}, such as tests that must know when each
	 * read happens.
	 */
	public void stopScheduledReads() {
		this.scheduled.cancel(false);
	}

	private void readAll() {
		try {
			readNow();
		}
		catch (RuntimeException ex) {
			logger.debug("Reading the database's statement statistics failed", ex);
		}
	}

	/**
	 * Read every monitored DataSource's statistics now, on the calling thread (the
	 * scheduled reads call this; tests too).
	 */
	public void readNow() {
		for (String name : this.dataSources.get()) {
			DataSource target = this.targets.apply(name);
			if (target != null) {
				this.readers.computeIfAbsent(name, Reader::new).read(target);
			}
		}
	}

	/**
	 * One statement as the database saw it.
	 * @param id the fingerprint id
	 * @return its figures, or {@code null} when the database reported none
	 */
	public DatabaseFigures figures(String id) {
		ServerTotals totals = this.matched.getIfPresent(id);
		return (totals != null) ? totals.figures() : null;
	}

	/**
	 * What dbperf reads of each DataSource's database.
	 * @return one view a DataSource read so far
	 */
	public List<DatabaseView> views() {
		return this.readers.values()
			.stream()
			.map(Reader::view)
			.sorted(Comparator.comparing(DatabaseView::datasource))
			.toList();
	}

	public long succeeded() {
		return this.succeeded.sum();
	}

	public long failed() {
		return this.failed.sum();
	}

	public long unavailable() {
		return this.unavailable.sum();
	}

	/**
	 * Forget the figures; the next read of each DataSource starts a new baseline.
	 */
	public void reset() {
		this.matched.invalidateAll();
		this.readers.values().forEach(Reader::reset);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/**
	 * One DataSource's reads: never two at once.
	 */
	private final class Reader {

		private final String name;

		private ServerStatementSource source;

		private String product;

		private volatile String status = "not read yet";

		private String loggedStatus;

		private volatile long reads;

		private volatile Instant lastRead;

		private Map<String, ServerStatement> baseline;

		private Object baselineMarker;

		private Map<String, Long> clientBaseline = Map.of();

		private final Set<String> serverStatements = ConcurrentHashMap.newKeySet();

		private final Set<String> matchedStatements = ConcurrentHashMap.newKeySet();

		private final Set<String> ambiguousStatements = ConcurrentHashMap.newKeySet();

		private volatile long serverCalls;

		private volatile long matchedCalls;

		private final Cache<String, ElsewhereTotals> elsewhere = BoundedCaches.ofSize(MAX_ELSEWHERE, null);

		Reader(String name) {
			this.name = name;
		}

		synchronized void read(DataSource target) {
			try {
				ReadOnlyWork.on(target, (connection) -> {
					if (this.product == null) {
						DatabaseMetaData metaData = connection.getMetaData();
						this.product = metaData.getDatabaseProductName();
						this.source = ServerStatementSource.of(this.product, metaData.getDatabaseMajorVersion());
					}
					if (this.source == null) {
						unavailable(this.product + " keeps no statement statistics dbperf reads");
						return null;
					}
					String why = this.source.unavailable(connection);
					if (why != null) {
						unavailable(why);
						return null;
					}
					Object marker = this.source.resetMarker(connection);
					List<ServerStatement> statements = this.source.read(connection, TIMEOUT_SECONDS);
					boolean newBaseline = this.baseline == null || !Objects.equals(marker, this.baselineMarker);
					take(statements, newBaseline);
					this.baselineMarker = marker;
					return null;
				});
			}
			catch (SQLException | RuntimeException ex) {
				DatabaseStatistics.this.failed.increment();
				this.baseline = null;
				status("failed: " + ex.getMessage(), ex);
			}
		}

		private void unavailable(String why) {
			DatabaseStatistics.this.unavailable.increment();
			this.baseline = null;
			status("unavailable: " + why, null);
		}

		private void status(String status, Exception ex) {
			this.status = status;
			if (!status.equals(this.loggedStatus)) {
				this.loggedStatus = status;
				if (status.startsWith("failed")) {
					logger.info("dbperf could not read the statement statistics of DataSource '{}' ({}); the next read "
							+ "starts a new baseline", this.name, status);
					logger.debug("Reading the statement statistics failed", ex);
				}
				else {
					logger.info("dbperf does not read server-side statement statistics of DataSource '{}': {}",
							this.name, status.substring(status.indexOf(':') + 2));
				}
			}
		}

		private void take(List<ServerStatement> statements, boolean newBaseline) {
			StatementJoin join = newBaseline ? null
					: new StatementJoin(this.source.joinRules(), DatabaseStatistics.this.statistics.fingerprints());
			Map<String, ServerStatement> next = new HashMap<>(statements.size() * 2);
			Map<String, ServerTotals> touched = new HashMap<>();
			for (ServerStatement statement : statements) {
				next.put(statement.key(), statement);
				if (newBaseline || statement.text() == null || ServerTexts.isDbPerfs(statement.text())
						|| ServerTexts.isProtocol(statement.text())) {
					continue;
				}
				ServerStatement earlier = this.baseline.get(statement.key());
				// A statement new since the last read ran only since then.
				ServerStatement delta = (earlier != null) ? statement.since(earlier) : statement;
				if (delta == null || delta.calls() == 0) {
					continue;
				}
				String key = DatabaseStatistics.this.serverKeys.get(statement.key() + " " + statement.text(),
						(ignored) -> ServerTexts.keyOfServerText(statement.text()));
				String id = join.idOf(statement.text(), key);
				this.serverStatements.add(statement.key());
				this.serverCalls += delta.calls();
				if (id != null) {
					this.matchedStatements.add(statement.key());
					this.matchedCalls += delta.calls();
					ServerTotals totals = DatabaseStatistics.this.matched.get(id,
							(ignored) -> new ServerTotals(this.source.name()));
					totals.add(delta);
					touched.put(id, totals);
				}
				else if (join.isAmbiguous(key)) {
					// The application's own statement, cut by the server where two
					// fingerprints agree: not a
					// rogue client, and no guess which of the two it is.
					this.ambiguousStatements.add(statement.key());
				}
				else {
					this.elsewhere.get(statement.key(), (ignored) -> new ElsewhereTotals(statement.text())).add(delta);
				}
			}
			Map<String, Long> client = DatabaseStatistics.this.statistics.totalNanosById();
			touched.forEach((id, totals) -> {
				Long before = this.clientBaseline.get(id);
				Long now = client.get(id);
				if (now != null) {
					totals.addClient(now - ((before != null) ? before : 0));
				}
			});
			this.clientBaseline = client;
			this.baseline = next;
			this.reads++;
			this.lastRead = Instant.now();
			this.status = "reading";
			if (!"reading".equals(this.loggedStatus)) {
				this.loggedStatus = "reading";
				logger.info("dbperf reads {} for DataSource '{}'", this.source.name(), this.name);
			}
			DatabaseStatistics.this.succeeded.increment();
			touched.forEach((id, totals) -> {
				DatabaseFigures figures = totals.figures();
				DatabaseStatistics.this.findings.forEach((findings) -> findings.examine(id, figures));
			});
		}

		/**
		 * Not synchronized: a read in progress (up to its timeout) never holds up the
		 * endpoint.
		 */
		DatabaseView view() {
			List<DatabaseView.ElsewhereStatement> costliest = this.elsewhere.asMap()
				.values()
				.stream()
				.map(ElsewhereTotals::view)
				.sorted(Comparator.comparingDouble(DatabaseView.ElsewhereStatement::totalMillis).reversed())
				.limit(ELSEWHERE_SHOWN)
				.toList();
			double rate = (this.serverCalls > 0) ? Math.round(1000.0 * this.matchedCalls / this.serverCalls) / 1000.0
					: 0;
			return new DatabaseView(this.name, (this.source != null) ? this.source.name() : null, this.status,
					this.reads, this.lastRead, this.serverStatements.size(), this.matchedStatements.size(), rate,
					this.ambiguousStatements.size(), costliest);
		}

		synchronized void reset() {
			this.baseline = null;
			this.elsewhere.invalidateAll();
			this.serverStatements.clear();
			this.matchedStatements.clear();
			this.ambiguousStatements.clear();
			this.serverCalls = 0;
			this.matchedCalls = 0;
		}

	}

	/**
	 * A statement nobody monitored, summed over reads.
	 */
	private static final class ElsewhereTotals {

		private final String sql;

		private long calls;

		private long nanos;

		private long rows;

		ElsewhereTotals(String serverText) {
			this.sql = ServerTexts.withoutValues(serverText);
		}

		synchronized void add(ServerStatement delta) {
			this.calls += delta.calls();
			this.nanos += delta.execNanos();
			this.rows += delta.rows();
		}

		synchronized DatabaseView.ElsewhereStatement view() {
			return new DatabaseView.ElsewhereStatement(this.sql, this.calls, StatementSnapshot.millis(this.nanos),
					this.rows);
		}

	}

}

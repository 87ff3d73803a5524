package io.github.dbperf.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.connections.ConnectionBorrow;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.connections.OpenConnection;
import io.github.dbperf.connections.TransactionEnd;
import io.github.dbperf.connections.TransactionNames;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.internal.BoundedCaches;
import org.jspecify.annotations.Nullable;

/**
 * Finds what holds the pool: units of work that waited for a connection while others held
 * the pool's connections (a wait for a connection the pool was still opening is none),
 * transactions that held their connection mostly idle (from the second time for one
 * method in one entry point: the first may be a warm-up), connections never returned.
 * Work is per borrow and per transaction end; the stack is walked only for a finding.
 */
public final class ConnectionFindingsDetector implements ConnectionListener {

	private static final int MAX_HOLDERS = 5;

	/** Transactions (entry point and method) seen idle once, bounded. */
	private static final int MAX_IDLE_ONCE = 10_000;

	private final long waitNanos;

	private final long holdNanos;

	private final FindingReporter reporter;

	private final CallSites callSites;

	private final Connections connections;

	private final Map<String, Boolean> idleOnce = BoundedCaches.<String, Boolean>ofSize(MAX_IDLE_ONCE, null).asMap();

	/**
	 * Create a detector.
	 * @param waitThreshold a wait for the pool at least this long is a finding
	 * @param holdThreshold a transaction at least this long, idle half of it, is a
	 * finding
	 * @param reporter where findings go
	 * @param callSites finds the application's line
	 * @param connections the connections out now
	 */
	public ConnectionFindingsDetector(Duration waitThreshold, Duration holdThreshold, FindingReporter reporter,
			CallSites callSites, Connections connections) {
		this.waitNanos = waitThreshold.toNanos();
		this.holdNanos = holdThreshold.toNanos();
		this.reporter = reporter;
		this.callSites = callSites;
		this.connections = connections;
	}

	@Override
	public void acquired(ConnectionBorrow borrow) {
		UnitOfWork unit = borrow.unit();
		if (borrow.waitNanos() < this.waitNanos || unit == null) {
			return;
		}
		List<Finding.Holder> holders = holders(
				this.connections.outSince(borrow.dataSource(), borrow, borrow.acquiredNanos() - borrow.waitNanos()));
		if (holders.isEmpty()) {
			// Nobody held a connection: the pool was opening one (at startup, or after a
			// failover), not starved.
			return;
		}
		double wait = millis(borrow.waitNanos());
		List<String> suggestions = new ArrayList<>();
		suggestions.add("The pool of '" + borrow.dataSource() + "' had no free connection for " + Math.round(wait)
				+ " ms" + (holders.isEmpty() ? "."
						: "; while it waited, its connections were held by " + describe(holders) + "."));
		suggestions.add("Shorten what the holders do while they hold a connection: move remote calls, file access "
				+ "and computation out of their transactions (see their IDLE_IN_TRANSACTION findings), "
				+ "fix their slow statements and N+1 loops.");
		suggestions.add("Only if the holders need it: a larger pool "
				+ "(spring.datasource.hikari.maximum-pool-size), which the database must be able to serve.");
		report(FindingKind.POOL_WAIT, "pool-wait " + borrow.dataSource(), unit.entrypoint(), borrow.repositoryMethod(),
				this.callSites.current(), 1, suggestions,
				new Finding.PoolWaitDetails(borrow.dataSource(), wait, wait, holders), unit);
	}

	@Override
	public void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
		UnitOfWork unit = borrow.unit();
		if (transaction.nanos() < this.holdNanos || transaction.idleNanos() * 2 < transaction.nanos() || unit == null) {
			return;
		}
		String name = TransactionNames.current();
		RepositoryMethod owner = owner(name, borrow.repositoryMethod());
		if (this.idleOnce.putIfAbsent(unit.entrypoint() + " " + owner, Boolean.TRUE) == null) {
			// Told from the second time: a first request that warms up (class loading, a
			// query compiled) on a busy machine is not the code holding its connection.
			return;
		}
		double held = millis(transaction.nanos());
		double idle = millis(transaction.idleNanos());
		String subject = owner.repository() + "." + owner.method();
		List<String> suggestions = List.of(
				"The transaction of " + subject + " held its connection " + Math.round(held) + " ms and ran "
						+ transaction.statements() + ((transaction.statements() == 1) ? " statement" : " statements")
						+ " in " + millisText(held - idle)
						+ " ms of it: for the rest the connection was idle, and no other request could use it.",
				"Move what takes the time out of the transaction: a call to a remote service, file or network "
						+ "access, a sleep or a retry, heavy computation. Read what you need in a short "
						+ "transaction, do the slow work outside it, then write in another.",
				"Keep @Transactional on the method that needs it, not on a caller that also does the slow work.");
		report(FindingKind.IDLE_IN_TRANSACTION, "idle-in-transaction " + borrow.dataSource() + " " + subject,
				unit.entrypoint(), owner, this.callSites.current(), transaction.statements(), suggestions,
				new Finding.IdleTransactionDetails(borrow.dataSource(), name, TransactionNames.readOnly(), held, idle,
						transaction.statements()),
				unit);
	}

	@Override
	public void stillOut(ConnectionBorrow borrow, long heldNanos) {
		UnitOfWork unit = borrow.unit();
		boolean unitEnded = unit != null && unit.isClosed();
		String site = (borrow.site() != null) ? borrow.site() : CallSites.UNKNOWN;
		List<String> suggestions = new ArrayList<>();
		suggestions.add("A connection borrowed " + ((unit != null) ? "by '" + borrow.entrypoint() + "' " : "")
				+ "on thread '" + borrow.thread().getName() + "' has been out " + Math.round(millis(heldNanos) / 1000)
				+ " s" + (unitEnded ? " although its unit of work ended" : "") + "; dbperf does not close it.");
		suggestions.add("Close what you borrow: try (Connection connection = dataSource.getConnection()) { ... }, "
				+ "or let Spring borrow and return it (JdbcTemplate, a repository, @Transactional; "
				+ "DataSourceUtils.releaseConnection for DataSourceUtils.getConnection).");
		if (borrow.site() == null) {
			suggestions.add("The line that borrowed it is taken from this entry point's next borrows: "
					+ "the next leak names it.");
		}
		report(FindingKind.CONNECTION_LEAK, "connection-leak " + borrow.dataSource(), borrow.entrypoint(),
				borrow.repositoryMethod(), site, borrow.statements(), suggestions,
				new Finding.LeakDetails(borrow.dataSource(), millis(heldNanos), borrow.thread().getName(),
						borrow.statements(), unitEnded),
				null);
	}

	private void report(FindingKind kind, String subject, String entrypoint, RepositoryMethod method, String site,
			int repetitions, List<String> suggestions, Finding.FindingDetails details, @Nullable UnitOfWork unit) {
		SqlFingerprint about = new SqlFingerprint(SqlFingerprinter.idOf(subject), "", Operation.OTHER, false, true,
				null);
		this.reporter.report(new Occurrence(about, entrypoint, method, site, repetitions, null, kind, null, suggestions,
				-1, details), unit);
	}

	/**
	 * Who held the connections, grouped by entry point, the longest held first.
	 */
	static List<Finding.Holder> holders(List<OpenConnection> open) {
		Map<String, long[]> byEntrypoint = new LinkedHashMap<>();
		for (OpenConnection connection : open) {
			long[] figures = byEntrypoint.computeIfAbsent(connection.entrypoint(), (name) -> new long[2]);
			figures[0]++;
			figures[1] += connection.heldNanos();
		}
		return byEntrypoint.entrySet()
			.stream()
			.map((entry) -> new Finding.Holder(entry.getKey(), (int) entry.getValue()[0], millis(entry.getValue()[1])))
			.sorted(Comparator.comparingDouble(Finding.Holder::heldMillis).reversed())
			.limit(MAX_HOLDERS)
			.toList();
	}

	private static String describe(List<Finding.Holder> holders) {
		StringBuilder text = new StringBuilder();
		for (Finding.Holder holder : holders) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append("'")
				.append(holder.entrypoint())
				.append("' (")
				.append(holder.borrows())
				.append((holder.borrows() == 1) ? " borrow, " : " borrows, ")
				.append(Math.round(holder.heldMillis()))
				.append(" ms held in all)");
		}
		return text.toString();
	}

	/**
	 * Who owns a transaction: the class and method of its name, or the repository method
	 * for Spring Data's own transactions.
	 */
	static RepositoryMethod owner(@Nullable String transaction, RepositoryMethod repositoryMethod) {
		if (transaction == null || transaction.startsWith("org.springframework.")) {
			return repositoryMethod;
		}
		int method = transaction.lastIndexOf('.');
		if (method <= 0) {
			return new RepositoryMethod(transaction, "none");
		}
		String type = transaction.substring(0, method);
		return new RepositoryMethod(type.substring(type.lastIndexOf('.') + 1), transaction.substring(method + 1));
	}

	private static String millisText(double millis) {
		return (millis < 10) ? String.valueOf(Math.round(millis * 10) / 10.0) : String.valueOf(Math.round(millis));
	}

	private static double millis(long nanos) {
		return Math.round(nanos / 100_000.0) / 10.0;
	}

}

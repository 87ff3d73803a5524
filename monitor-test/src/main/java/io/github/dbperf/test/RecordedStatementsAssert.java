package io.github.dbperf.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dbperf.capture.Operation;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * AssertJ assertions on {@link RecordedStatements}. Failure messages list every statement
 * that ran, with its repository method and call site.
 */
public class RecordedStatementsAssert extends AbstractAssert<RecordedStatementsAssert, RecordedStatements> {

	/**
	 * Rows of one result that {@link #hasNoFindings()} reports, as dbperf's default does.
	 */
	public static final long LARGE_RESULT_ROWS = 1000;

	/** Executions of one write outside a batch that fail, as dbperf's default. */
	public static final int UNBATCHED_WRITES = 10;

	/** dbperf's default {@code dbperf.connections.hold-threshold}. */
	public static final Duration IDLE_IN_TRANSACTION = Duration.ofMillis(500);

	public RecordedStatementsAssert(RecordedStatements actual) {
		super(actual, RecordedStatementsAssert.class);
	}

	public RecordedStatementsAssert hasSelectCount(int expected) {
		return hasCount(Operation.SELECT, expected);
	}

	public RecordedStatementsAssert hasInsertCount(int expected) {
		return hasCount(Operation.INSERT, expected);
	}

	public RecordedStatementsAssert hasUpdateCount(int expected) {
		return hasCount(Operation.UPDATE, expected);
	}

	public RecordedStatementsAssert hasDeleteCount(int expected) {
		return hasCount(Operation.DELETE, expected);
	}

	/**
	 * Verify the number of statements of one operation.
	 * @param operation the operation
	 * @param expected the count
	 * @return this
	 */
	public RecordedStatementsAssert hasCount(Operation operation, int expected) {
		isNotNull();
		long actualCount = this.actual.count(operation);
		if (actualCount != expected) {
			failWithMessage("Expected %d %s statement(s) but %d ran. Statements:%n%s", expected, operation.tagValue(),
					actualCount, this.actual.describe());
		}
		return this;
	}

	/**
	 * Verify the total number of statements.
	 * @param expected the count
	 * @return this
	 */
	public RecordedStatementsAssert hasStatementCount(int expected) {
		isNotNull();
		if (this.actual.count() != expected) {
			failWithMessage("Expected %d statement(s) but %d ran. Statements:%n%s", expected, this.actual.count(),
					this.actual.describe());
		}
		return this;
	}

	/**
	 * Verify a repository method issued at most so many statements.
	 * @param repositoryMethod {@code Repository.method}
	 * @param max the budget
	 * @return this
	 */
	public RecordedStatementsAssert hasAtMostStatementsFor(String repositoryMethod, int max) {
		isNotNull();
		long count = this.actual.countFor(repositoryMethod);
		if (count > max) {
			failWithMessage("Expected at most %d statement(s) from %s but %d ran. Statements:%n%s", max,
					repositoryMethod, count, this.actual.describe());
		}
		return this;
	}

	/**
	 * Verify the recording has none of the findings dbperf makes from statements alone:
	 * no N+1 or duplicate queries
	 * ({@value RecordedStatements#DEFAULT_N_PLUS_ONE_THRESHOLD} repetitions), no write
	 * sent {@value #UNBATCHED_WRITES} times outside a JDBC batch, and no result of
	 * {@value #LARGE_RESULT_ROWS} rows or more.
	 * @return this
	 */
	public RecordedStatementsAssert hasNoFindings() {
		hasNoNPlusOne();
		hasNoUnbatchedWrites();
		List<String> large = this.actual.statements()
			.stream()
			.filter((statement) -> this.actual.rowsOf(statement) >= LARGE_RESULT_ROWS)
			.map((statement) -> "  " + this.actual.rowsOf(statement) + " rows: " + statement.describe())
			.toList();
		if (!large.isEmpty()) {
			failWithMessage("Expected no large results (%d rows or more) but found %d:%n%s", LARGE_RESULT_ROWS,
					large.size(), String.join("\n", large));
		}
		return this;
	}

	/**
	 * Verify the ORM loaded an entity or association with at most this many statements.
	 * @param role {@code Author} or {@code Author.books}
	 * @param max the most statements allowed
	 * @return this
	 */
	public RecordedStatementsAssert loadedAtMost(String role, int max) {
		isNotNull();
		long loads = this.actual.loads(role);
		if (loads > max) {
			failWithMessage("Expected %s to be loaded by at most %d statement(s) but %d ran:%n%s", role, max, loads,
					this.actual.describe());
		}
		return this;
	}

	/**
	 * The statements that loaded an entity or association, to assert on:
	 * {@code assertThat(recorded).loaded("Author.books").isLessThanOrEqualTo(1)}.
	 * @param role {@code Author} or {@code Author.books}
	 * @return an assertion on the count
	 */
	public AbstractLongAssert<?> loaded(String role) {
		isNotNull();
		return Assertions.assertThat(this.actual.loads(role)).as("statements that loaded %s", role);
	}

	/**
	 * Verify no insert, update or delete ran {@value #UNBATCHED_WRITES} times or more
	 * outside a JDBC batch (dbperf's default {@code UNBATCHED_WRITES} threshold).
	 * @return this
	 */
	public RecordedStatementsAssert hasNoUnbatchedWrites() {
		return hasNoUnbatchedWrites(UNBATCHED_WRITES);
	}

	/**
	 * Verify no insert, update or delete ran {@code threshold} times or more outside a
	 * JDBC batch.
	 * @param threshold the executions that fail
	 * @return this
	 */
	public RecordedStatementsAssert hasNoUnbatchedWrites(int threshold) {
		isNotNull();
		Map<String, List<RecordedStatement>> writes = this.actual.statements()
			.stream()
			.filter((statement) -> isWrite(statement.event().operation()) && statement.event().batchSize() <= 1)
			.collect(Collectors.groupingBy((statement) -> statement.event().fingerprint().id(), LinkedHashMap::new,
					Collectors.toList()));
		List<String> unbatched = writes.values()
			.stream()
			.filter((same) -> same.size() >= threshold)
			.map((same) -> "  " + same.size() + " times outside a batch: " + same.get(0).describe())
			.toList();
		if (!unbatched.isEmpty()) {
			failWithMessage("Expected no unbatched writes (%d or more of one statement) but found %d:%n%s", threshold,
					unbatched.size(), String.join("\n", unbatched));
		}
		return this;
	}

	private static boolean isWrite(Operation operation) {
		return operation == Operation.INSERT || operation == Operation.UPDATE || operation == Operation.DELETE;
	}

	/**
	 * Verify no SELECT was repeated
	 * {@value RecordedStatements#DEFAULT_N_PLUS_ONE_THRESHOLD} times in one entry point.
	 * @return this
	 */
	public RecordedStatementsAssert hasNoNPlusOne() {
		return hasNoNPlusOne(RecordedStatements.DEFAULT_N_PLUS_ONE_THRESHOLD);
	}

	/**
	 * Verify no SELECT was repeated {@code threshold} times in one entry point.
	 * @param threshold the repetitions that fail
	 * @return this
	 */
	public RecordedStatementsAssert hasNoNPlusOne(int threshold) {
		isNotNull();
		List<Occurrence> occurrences = this.actual.nPlusOne(threshold);
		if (!occurrences.isEmpty()) {
			failWithMessage("Expected no N+1 queries but found %d:%n%s%nStatements:%n%s", occurrences.size(),
					occurrences.stream().map((o) -> "  " + o.describe()).collect(Collectors.joining("\n")),
					this.actual.describe());
		}
		return this;
	}

	/**
	 * Verify the test borrowed at most this many connections from the pools (a Spring
	 * test's context only).
	 * @param max the most connections allowed
	 * @return this
	 */
	public RecordedStatementsAssert connectionsAtMost(int max) {
		recordsConnections();
		int borrows = this.actual.connectionCount();
		if (borrows > max) {
			failWithMessage("Expected at most %d connections borrowed but the test borrowed %d", max, borrows);
		}
		return this;
	}

	/**
	 * Verify every connection the test borrowed went back to its pool by the test's end.
	 * @return this
	 */
	public RecordedStatementsAssert hasNoConnectionLeak() {
		recordsConnections();
		List<String> out = this.actual.connections().notReturned();
		if (!out.isEmpty()) {
			failWithMessage("Expected every connection returned but %d still out:%n  %s", out.size(),
					String.join("\n  ", out));
		}
		return this;
	}

	/**
	 * Verify no transaction held its connection 500 ms (dbperf's default
	 * {@code dbperf.connections.hold-threshold}) or more while idle half of it, and idle
	 * at a stretch for half of that.
	 * @return this
	 */
	public RecordedStatementsAssert hasNoIdleInTransaction() {
		return hasNoIdleInTransaction(IDLE_IN_TRANSACTION);
	}

	/**
	 * Verify no transaction held its connection this long or more while idle half of it.
	 * @param hold the time a transaction may hold its connection
	 * @return this
	 */
	public RecordedStatementsAssert hasNoIdleInTransaction(Duration hold) {
		recordsConnections();
		List<String> idle = this.actual.connections().idle(hold);
		if (!idle.isEmpty()) {
			failWithMessage("Expected no transaction holding its connection idle for %s but found %d:%n  %s", hold,
					idle.size(), String.join("\n  ", idle));
		}
		return this;
	}

	private void recordsConnections() {
		isNotNull();
		if (!this.actual.connections().isRecording()) {
			failWithMessage("Connections are recorded from one application context: record with "
					+ "RecordedStatements.start(context) or DbPerfExtension in a Spring test, "
					+ "with dbperf.connections.enabled=true");
		}
	}

}

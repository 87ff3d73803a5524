package io.github.dbperf.test;

import java.util.List;
import java.util.stream.Collectors;

import io.github.dbperf.capture.Operation;
import io.github.dbperf.nplusone.RepetitionCounter.Occurrence;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on {@link RecordedStatements}. Failure messages list every statement
 * that ran, with its repository method and call site.
 */
public class RecordedStatementsAssert extends AbstractAssert<RecordedStatementsAssert, RecordedStatements> {

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
			failWithMessage("Expected %d %s statement(s) but %d ran. Statements:%n%s", expected,
					operation.tagValue(), actualCount, this.actual.describe());
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
	 * Verify no SELECT was repeated {@value RecordedStatements#DEFAULT_N_PLUS_ONE_THRESHOLD}
	 * times in one entry point.
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


}

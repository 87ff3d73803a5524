package io.github.dbperf.test;

/**
 * Entry point of dbperf's assertions: {@code DbPerfAssertions.assertThat(recorded)}.
 */
public final class DbPerfAssertions {

	private DbPerfAssertions() {
	}

	public static RecordedStatementsAssert assertThat(RecordedStatements actual) {
		return new RecordedStatementsAssert(actual);
	}

}

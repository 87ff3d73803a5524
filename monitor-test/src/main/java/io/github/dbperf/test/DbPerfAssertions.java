package io.github.dbperf.test;

import io.github.dbperf.orm.MappingFindings;

import org.springframework.context.ApplicationContext;

/**
 * Entry point of dbperf's assertions: {@code DbPerfAssertions.assertThat(recorded)} for
 * the statements of a test, {@code assertThat(mappings(context))} for the mappings.
 */
public final class DbPerfAssertions {

	private DbPerfAssertions() {
	}

	public static RecordedStatementsAssert assertThat(RecordedStatements actual) {
		return new RecordedStatementsAssert(actual);
	}

	public static MappingFindingsAssert assertThat(MappingFindings actual) {
		return new MappingFindingsAssert(actual);
	}

	/**
	 * The mapping findings dbperf read from a context's mappings and settings at startup.
	 * @param context the application context (in a Spring test, the test's)
	 * @return its mapping findings
	 */
	public static MappingFindings mappings(ApplicationContext context) {
		return context.getBean(MappingFindings.class);
	}

}

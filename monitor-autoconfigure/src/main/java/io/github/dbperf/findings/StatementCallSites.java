package io.github.dbperf.findings;

/**
 * Where the application ran a statement: what the regression and database detectors name
 * as a finding's line. The slow-query log answers it from a statement's latest slow
 * execution (the only ones whose stack is walked); the detectors do not depend on it.
 */
@FunctionalInterface
public interface StatementCallSites {

	/**
	 * The application's line that last ran a statement slowly.
	 * @param statementId the statement's fingerprint id
	 * @return the call site, or a text that says none is known
	 */
	String callSiteOf(String statementId);

}

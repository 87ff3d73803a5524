package io.github.dbperf.statistics;

/**
 * Totals of one repository method.
 *
 * @param repository the repository interface's simple name
 * @param method the method name
 * @param calls calls made
 * @param statements statements those calls issued
 * @param dbMillis time those statements took
 * @param maxStatementsPerCall the most statements a single call issued
 */
public record RepositorySnapshot(String repository, String method, long calls, long statements, double dbMillis,
		long maxStatementsPerCall) {

}

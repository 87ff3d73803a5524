package io.github.dbperf.statistics;

/**
 * Told one statement's recent minutes and the hour before them.
 */
@FunctionalInterface
public interface WindowComparison {

	/**
	 * One statement's figures.
	 * @param statement the statement since start
	 * @param recentCalls executions in the recent minutes
	 * @param recentP95Nanos their 95th percentile
	 * @param beforeCalls executions in the hour before
	 * @param beforeP95Nanos their 95th percentile
	 */
	void compared(StatementSnapshot statement, long recentCalls, long recentP95Nanos, long beforeCalls,
			long beforeP95Nanos);

}

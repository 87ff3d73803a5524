package io.github.dbperf.statistics;

import java.util.List;

/**
 * One entry point (route template, scheduled task, scope) over a {@link Window}.
 *
 * @param name the entry point
 * @param units units of work (requests, runs)
 * @param statementsPerUnit statements per unit, mean
 * @param statementsPerUnitP95 statements per unit, 95th percentile
 * @param maxStatementsPerUnit the most statements one unit ran
 * @param dbMillis database time of all its units
 * @param dbMillisPerUnit database time per unit, mean
 * @param dbMillisPerUnitP95 database time per unit, 95th percentile (within about 9%)
 * @param sharePercent its part of the database time in the window: of every statement
 * after startup, or of every statement when startup is included
 * @param findings findings that name it
 * @param minutes one point a minute (units and database time per unit), oldest first
 * @param topStatements the statements it ran, most of its time first (since start)
 */
public record EntryPointSnapshot(String name, long units, double statementsPerUnit, long statementsPerUnitP95,
		long maxStatementsPerUnit, double dbMillis, double dbMillisPerUnit, double dbMillisPerUnitP95,
		double sharePercent, int findings, List<MinutePoint> minutes, List<EntryPointStatement> topStatements) {

	/**
	 * The same with its findings and statements.
	 * @param findings findings that name it
	 * @param topStatements its statements
	 * @return a copy
	 */
	public EntryPointSnapshot with(int findings, List<EntryPointStatement> topStatements) {
		return new EntryPointSnapshot(this.name, this.units, this.statementsPerUnit, this.statementsPerUnitP95,
				this.maxStatementsPerUnit, this.dbMillis, this.dbMillisPerUnit, this.dbMillisPerUnitP95,
				this.sharePercent, findings, this.minutes, topStatements);
	}

}

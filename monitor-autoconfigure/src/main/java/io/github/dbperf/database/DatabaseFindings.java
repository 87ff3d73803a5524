package io.github.dbperf.database;

import io.github.dbperf.statistics.DatabaseFigures;

/**
 * Told one statement's database figures after each read that changed them.
 */
@FunctionalInterface
public interface DatabaseFindings {

	/**
	 * Examine a statement's figures.
	 * @param id the fingerprint id
	 * @param figures what the database reported of it since dbperf's first read
	 */
	void examine(String id, DatabaseFigures figures);

}

package io.github.dbperf.database;

import java.time.Instant;
import java.util.List;

/**
 * What dbperf reads of one DataSource's database.
 *
 * @param datasource the DataSource bean name
 * @param source the view read, or {@code null} when the database keeps none dbperf reads
 * @param status {@code reading}, {@code unavailable: why} or {@code failed: why}
 * @param reads reads that succeeded
 * @param lastRead when the latest read succeeded, or {@code null}
 * @param serverStatements statements the server counted executions of since dbperf's
 * first read
 * @param matchedStatements those that are one of dbperf's fingerprints
 * @param matchRate matched executions of all executions the server counted, 0 to 1
 * @param ambiguousStatements statements the server cut short where more than one
 * fingerprint starts with what it kept: left unmatched, never guessed, and not counted as
 * run from elsewhere
 * @param elsewhere the costliest statements no monitored DataSource issued (another
 * service, a job, an unmonitored DataSource), most server time first, without values
 */
public record DatabaseView(String datasource, String source, String status, long reads, Instant lastRead,
		int serverStatements, int matchedStatements, double matchRate, int ambiguousStatements,
		List<ElsewhereStatement> elsewhere) {

	/**
	 * A statement the database ran for someone else.
	 *
	 * @param sql the server's text, literals replaced by {@code ?}
	 * @param calls executions since dbperf's first read
	 * @param totalMillis their server time
	 * @param rows rows they returned or affected
	 */
	public record ElsewhereStatement(String sql, long calls, double totalMillis, long rows) {

	}

}

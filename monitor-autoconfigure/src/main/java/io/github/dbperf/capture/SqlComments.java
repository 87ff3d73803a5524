package io.github.dbperf.capture;

/**
 * What the driver is sent for a statement: its SQL with a comment naming the code that
 * runs it ({@code dbperf.sql-comments.enabled}). dbperf itself always reads the SQL as
 * the application wrote it, so fingerprints and statistics never see the comment.
 */
@FunctionalInterface
public interface SqlComments {

	/**
	 * The SQL to send.
	 * @param sql the SQL as the application wrote it
	 * @return that SQL, or that SQL with a comment
	 */
	String apply(String sql);

}

package io.github.dbperf.capture;

/**
 * The normalized form of a SQL statement: literals masked, lists folded, comments and
 * redundant whitespace removed. The only SQL text dbperf keeps by default.
 *
 * @param id stable 16-hex-digit hash of {@code sql}
 * @param sql the normalized SQL
 * @param operation what the statement does
 * @param inList whether the statement contains a folded {@code IN (...)} list (a batch
 * fetch rather than a single-row lookup)
 * @param complete {@code false} when a string or comment in the statement did not end
 * under the database's quoting rules, and the rest of its text was masked
 * @param quoting the quoting rules it was read by, {@code null} when its text reads the
 * same under every rules (no backslash, no double quote)
 */
public record SqlFingerprint(String id, String sql, Operation operation, boolean inList, boolean complete,
		SqlQuoting quoting) {

	/**
	 * Whether this fingerprint is right for a statement read by the given rules.
	 * @param rules the database's quoting rules
	 * @return {@code true} when the rules read the text as it was read here
	 */
	boolean readableAs(SqlQuoting rules) {
		return this.quoting == null || this.quoting == rules;
	}

}

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
 */
public record SqlFingerprint(String id, String sql, Operation operation, boolean inList) {

}

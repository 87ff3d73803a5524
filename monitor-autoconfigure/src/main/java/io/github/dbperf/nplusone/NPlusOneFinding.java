package io.github.dbperf.nplusone;

import java.time.Instant;

/**
 * An N+1 pattern seen in one entry point, aggregated over every unit of work in which it
 * occurred.
 *
 * @param id fingerprint id of the repeated SELECT
 * @param sql its fingerprint text
 * @param kind {@code N_PLUS_ONE} (different parameters) or {@code DUPLICATE} (the same
 * row again)
 * @param entrypoint the entry point (route template, task, scope)
 * @param repository the repository that issued it (or loaded the rows it was repeated
 * for)
 * @param method that repository's method
 * @param callSite the application frame running the loop
 * @param occurrences units of work in which it happened
 * @param maxRepetitions the most repetitions in one unit
 * @param lastSeen the latest occurrence
 * @param triggeredBy the fingerprint of the statement that preceded the loop (the "1")
 */
public record NPlusOneFinding(String id, String sql, FindingKind kind, String entrypoint, String repository,
		String method, String callSite, long occurrences, int maxRepetitions, Instant lastSeen, String triggeredBy) {

}

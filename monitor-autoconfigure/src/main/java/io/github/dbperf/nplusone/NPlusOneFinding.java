package io.github.dbperf.nplusone;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finding (an N+1 pattern, a duplicate, a large result, in-memory pagination, a load
 * after the response) seen in one entry point, aggregated over every unit of work in
 * which it occurred.
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
 * @param firstSeen when it was first seen (since the last reset)
 * @param lastSeen the latest occurrence
 * @param triggeredBy the fingerprint of the statement that preceded the loop (the "1")
 * @param triggeredBySql that statement's fingerprint text
 * @param association the association whose loads repeated ({@code Author.books}), or
 * {@code null}
 * @param mapping how that association is mapped ({@code fetch}, {@code batchSize}), or
 * {@code null}
 * @param suggestions what to change, most local first
 * @param rows rows of the largest result (large results, in-memory pagination), or -1
 * @param figures what a regression compared ({@code p95BeforeMillis},
 * {@code p95RecentMillis}, {@code callsBefore}, {@code callsRecent}, {@code factor}),
 * {@code null} for other kinds
 */
public record NPlusOneFinding(String id, String sql, FindingKind kind, String entrypoint, String repository,
		String method, String callSite, long occurrences, int maxRepetitions, Instant firstSeen, Instant lastSeen,
		String triggeredBy,
		String triggeredBySql, String association, Map<String, Object> mapping, List<String> suggestions,
		long rows, Map<String, Object> figures) {

}

package io.github.dbperf.statistics;

import java.util.List;

/**
 * The loads of one entity or association.
 *
 * @param role {@code Author} (entity loads) or {@code Author.books} (collection loads)
 * @param kind {@code entity-load} or {@code collection-load}
 * @param statements statements its loads ran
 * @param rows rows they read
 * @param totalMillis their time
 * @param entrypoints the entry points that caused most of them, most first
 */
public record AssociationSnapshot(String role, String kind, long statements, long rows, double totalMillis,
		List<String> entrypoints) {

}

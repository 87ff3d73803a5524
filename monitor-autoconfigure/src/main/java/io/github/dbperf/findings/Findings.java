package io.github.dbperf.findings;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.internal.BoundedCaches;
import org.jspecify.annotations.Nullable;

/**
 * N+1 findings aggregated per repeated fingerprint and entry point, bounded: when full, a
 * rarely seen finding makes room.
 */
public final class Findings {

	private final Cache<Key, Finding> cache;

	private final Map<Key, Finding> findings;

	public Findings(int capacity) {
		this.cache = BoundedCaches.ofSize(capacity, null);
		this.findings = this.cache.asMap();
	}

	/**
	 * Add an occurrence.
	 * @param occurrence what one unit of work did
	 * @return whether this finding is new
	 */
	boolean add(Occurrence occurrence) {
		return add(occurrence, null);
	}

	/**
	 * Add an occurrence seen in a trace.
	 * @param occurrence what one unit of work did
	 * @param trace the trace it was seen in, or {@code null}
	 * @return whether this finding is new
	 */
	boolean add(Occurrence occurrence, TraceIds.@Nullable TraceId trace) {
		Key key = new Key(occurrence.fingerprint().id(), occurrence.entrypoint(), occurrence.kind());
		boolean[] added = new boolean[1];
		this.findings.compute(key, (k, existing) -> {
			added[0] = existing == null;
			return merge(existing, occurrence, trace);
		});
		return added[0];
	}

	private static Finding merge(Finding existing, Occurrence occurrence, TraceIds.@Nullable TraceId trace) {
		Instant now = Instant.now();
		long occurrences = (existing != null) ? existing.occurrences() + 1 : 1;
		int maxRepetitions = Math.max((existing != null) ? existing.maxRepetitions() : 0, occurrence.repetitions());
		long rows = Math.max((existing != null) ? existing.rows() : -1, occurrence.rows());
		return Finding.builder(occurrence.kind(), occurrence.fingerprint().id(), occurrence.fingerprint().sql())
			.entrypoint(occurrence.entrypoint())
			.repositoryMethod(occurrence.repositoryMethod().repository(), occurrence.repositoryMethod().method())
			.callSite(occurrence.callSite())
			.occurrences(occurrences, maxRepetitions)
			.seen((existing != null) ? existing.firstSeen() : now, now)
			.triggeredBy((occurrence.triggeredBy() != null) ? occurrence.triggeredBy().id() : null,
					(occurrence.triggeredBy() != null) ? occurrence.triggeredBy().sql() : null)
			.association((occurrence.mapping() != null) ? occurrence.mapping().role() : null,
					(occurrence.mapping() != null) ? occurrence.mapping().describe() : null)
			.suggestions(occurrence.suggestions())
			.rows(rows)
			.details(details((existing != null) ? existing.details() : null, occurrence.details()))
			.trace((trace != null) ? trace.traceId() : null, (trace != null) ? trace.spanId() : null)
			.build();
	}

	/**
	 * The latest occurrence's details, keeping the longest wait seen.
	 */
	private static Finding.@Nullable FindingDetails details(Finding.@Nullable FindingDetails existing,
			Finding.@Nullable FindingDetails latest) {
		if (existing instanceof Finding.PoolWaitDetails before && latest instanceof Finding.PoolWaitDetails now) {
			return new Finding.PoolWaitDetails(now.dataSource(), now.waitMillis(),
					Math.max(before.maxWaitMillis(), now.maxWaitMillis()), now.holders());
		}
		return latest;
	}

	/**
	 * The findings, most frequent first.
	 * @return a copy
	 */
	public List<Finding> snapshot() {
		this.cache.cleanUp();
		return this.findings.values()
			.stream()
			.sorted(Comparator.comparingLong(Finding::occurrences)
				.reversed()
				.thenComparing(Finding::lastSeen, Comparator.reverseOrder()))
			.toList();
	}

	public void reset() {
		this.findings.clear();
	}

	private record Key(String id, String entrypoint, FindingKind kind) {

	}

}

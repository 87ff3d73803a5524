package io.github.dbperf.nplusone;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dbperf.nplusone.RepetitionCounter.Occurrence;

/**
 * N+1 findings aggregated per repeated fingerprint and entry point, bounded: when full,
 * the finding seen least recently makes room.
 */
public final class NPlusOneFindings {

	private final int capacity;

	private final Map<Key, NPlusOneFinding> findings = new ConcurrentHashMap<>();

	public NPlusOneFindings(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Add an occurrence.
	 * @param occurrence what one unit of work did
	 * @return whether this finding is new
	 */
	boolean add(Occurrence occurrence) {
		Key key = new Key(occurrence.fingerprint().id(), occurrence.entrypoint());
		if (!this.findings.containsKey(key) && this.findings.size() >= this.capacity) {
			this.findings.values()
				.stream()
				.min(Comparator.comparing(NPlusOneFinding::lastSeen))
				.ifPresent((oldest) -> this.findings.remove(new Key(oldest.id(), oldest.entrypoint())));
		}
		boolean[] added = new boolean[1];
		this.findings.compute(key, (k, existing) -> {
			added[0] = existing == null;
			return merge(existing, occurrence);
		});
		return added[0];
	}

	private static NPlusOneFinding merge(NPlusOneFinding existing, Occurrence occurrence) {
		long occurrences = (existing != null) ? existing.occurrences() + 1 : 1;
		int maxRepetitions = Math.max((existing != null) ? existing.maxRepetitions() : 0, occurrence.repetitions());
		return new NPlusOneFinding(occurrence.fingerprint().id(), occurrence.fingerprint().sql(), occurrence.kind(),
				occurrence.entrypoint(), occurrence.repositoryMethod().repository(),
				occurrence.repositoryMethod().method(), occurrence.callSite(), occurrences, maxRepetitions,
				Instant.now(), (occurrence.triggeredBy() != null) ? occurrence.triggeredBy().id() : null);
	}

	/**
	 * The findings, most frequent first.
	 * @return a copy
	 */
	public List<NPlusOneFinding> snapshot() {
		return this.findings.values()
			.stream()
			.sorted(Comparator.comparingLong(NPlusOneFinding::occurrences)
				.reversed()
				.thenComparing(NPlusOneFinding::lastSeen, Comparator.reverseOrder()))
			.toList();
	}

	public void reset() {
		this.findings.clear();
	}

	private record Key(String id, String entrypoint) {

	}

}

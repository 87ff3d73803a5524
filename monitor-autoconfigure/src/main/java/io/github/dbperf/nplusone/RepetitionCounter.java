package io.github.dbperf.nplusone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;

/**
 * Counts repetitions of each SELECT fingerprint within one unit of work and remembers
 * the statement that preceded the first repetition (the "1" of N+1). Hibernate batch
 * fetches ({@code IN (...)}) and JDBC batches are not candidates. Confined to one thread.
 */
public final class RepetitionCounter {

	private final int threshold;

	private final CallSites callSites;

	private final Map<String, Repetition> repetitions = new HashMap<>();

	private StatementEvent previous;

	/**
	 * Create a counter.
	 * @param threshold repetitions that make a finding
	 * @param callSites finds the application's line that ran the loop
	 */
	public RepetitionCounter(int threshold, CallSites callSites) {
		this.threshold = threshold;
		this.callSites = callSites;
	}

	/**
	 * Whether a statement can be part of an N+1 pattern.
	 * @param event the statement
	 * @return {@code true} for a single-row-style SELECT outside a batch
	 */
	public static boolean isCandidate(StatementEvent event) {
		SqlFingerprint fingerprint = event.fingerprint();
		return fingerprint.operation() == Operation.SELECT && !fingerprint.inList() && event.batchSize() == 0;
	}

	/**
	 * Count a statement.
	 * @param event the statement
	 * @param parametersHash a hash of its bound parameters (to tell a loop over rows from
	 * the same row loaded again)
	 */
	public void count(StatementEvent event, int parametersHash) {
		if (isCandidate(event)) {
			Repetition repetition = this.repetitions.get(event.fingerprint().id());
			if (repetition == null) {
				repetition = new Repetition(event, this.previous, parametersHash);
				this.repetitions.put(event.fingerprint().id(), repetition);
			}
			else {
				repetition.repeat(parametersHash, this.threshold, this.callSites);
			}
		}
		this.previous = event;
	}

	/**
	 * The repetitions that reached the threshold.
	 * @param entrypoint the unit's entry point
	 * @return one occurrence per repeated fingerprint
	 */
	public List<Occurrence> occurrences(String entrypoint) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (Repetition repetition : this.repetitions.values()) {
			if (repetition.count >= this.threshold) {
				occurrences.add(repetition.occurrence(entrypoint));
			}
		}
		return occurrences;
	}

	private static final class Repetition {

		private final StatementEvent first;

		private final StatementEvent trigger;

		private final int firstParametersHash;

		private boolean parametersVaried;

		private int count = 1;

		private String callSite;

		Repetition(StatementEvent first, StatementEvent trigger, int parametersHash) {
			this.first = first;
			this.trigger = trigger;
			this.firstParametersHash = parametersHash;
		}

		void repeat(int parametersHash, int threshold, CallSites callSites) {
			this.count++;
			this.parametersVaried |= parametersHash != this.firstParametersHash;
			if (this.count == threshold) {
				// Walk the stack once per finding, on the thread that ran the loop.
				this.callSite = callSites.current();
			}
		}

		Occurrence occurrence(String entrypoint) {
			RepositoryMethod method = this.first.repositoryMethod();
			if (method == RepositoryMethod.NONE && this.trigger != null) {
				// Lazy loading outside a repository call: blame the query that loaded the rows.
				method = this.trigger.repositoryMethod();
			}
			return new Occurrence(this.first.fingerprint(), entrypoint, method,
					(this.callSite != null) ? this.callSite : CallSites.UNKNOWN, this.count,
					(this.trigger != null) ? this.trigger.fingerprint() : null,
					this.parametersVaried ? FindingKind.N_PLUS_ONE : FindingKind.DUPLICATE);
		}

	}

	/**
	 * A fingerprint repeated in one unit of work.
	 *
	 * @param fingerprint the repeated SELECT
	 * @param entrypoint the unit's entry point
	 * @param repositoryMethod the repository method that issued it, or the one that loaded
	 * the rows it was repeated for
	 * @param callSite the application frame running the loop
	 * @param repetitions how many times it ran
	 * @param triggeredBy the statement before the first repetition, or {@code null}
	 * @param kind a loop over rows, or the same row loaded again
	 */
	public record Occurrence(SqlFingerprint fingerprint, String entrypoint, RepositoryMethod repositoryMethod,
			String callSite, int repetitions, SqlFingerprint triggeredBy, FindingKind kind) {

		/**
		 * A one-line description naming the statement and the call site.
		 * @return the description
		 */
		public String describe() {
			return String.format("%s: %s ran %d times in '%s' (%s.%s, at %s)%s: [%s] %s",
					(this.kind == FindingKind.N_PLUS_ONE) ? "N+1 queries" : "Duplicate queries",
					this.fingerprint.operation().tagValue(), this.repetitions, this.entrypoint,
					this.repositoryMethod.repository(), this.repositoryMethod.method(), this.callSite,
					(this.triggeredBy != null) ? " after [" + this.triggeredBy.id() + "] " + this.triggeredBy.sql()
							: "",
					this.fingerprint.id(), this.fingerprint.sql());
		}

	}

}

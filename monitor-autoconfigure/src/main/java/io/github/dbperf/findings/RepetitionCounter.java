package io.github.dbperf.findings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.attribution.AssociationMapping;
import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;
import org.jspecify.annotations.Nullable;

/**
 * Counts repetitions of each SELECT fingerprint within one unit of work and remembers the
 * statement that preceded the first repetition (the "1" of N+1). Hibernate's batch and
 * subselect loads (known from Hibernate's own events and mapping, whatever SQL the
 * dialect writes: {@code IN (...)}, {@code = any (?)}), other {@code IN (...)} lists and
 * JDBC batches are not candidates. Batch loads of one association are counted on their
 * own: {@link #BATCH_LOADS_FACTOR} times the threshold of them in one unit means the
 * batch is too small for the unit's parents. Confined to one thread.
 */
public final class RepetitionCounter {

	/**
	 * Batch loads of one association in one unit that make a finding, as a multiple of
	 * the N+1 threshold: a few round trips per association are what batch fetching costs,
	 * ten (at the default threshold of 5) say the batch is far below the parents.
	 */
	public static final int BATCH_LOADS_FACTOR = 2;

	private final int threshold;

	private final CallSites callSites;

	private final Map<String, Repetition> repetitions = new HashMap<>();

	private Map<OrmCause, BatchLoads> batchLoads;

	private StatementEvent previous;

	/**
	 * The latest statement a repository method ran: the query behind lazy loads nested in
	 * lazy loads.
	 */
	private RepositoryMethod lastRepositoryMethod = RepositoryMethod.NONE;

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
		return fingerprint.operation() == Operation.SELECT && !fingerprint.inList() && !event.cause().isBatchLoad()
				&& event.batchSize() == 0;
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
				repetition = new Repetition(event, this.previous, loaderBefore(this.previous), parametersHash);
				this.repetitions.put(event.fingerprint().id(), repetition);
			}
			else {
				repetition.repeat(parametersHash, this.threshold, this.callSites);
			}
		}
		else if (event.cause().loading() == OrmCause.Loading.BATCH) {
			countBatchLoad(event);
		}
		this.previous = event;
		if (event.repositoryMethod() != RepositoryMethod.NONE) {
			this.lastRepositoryMethod = event.repositoryMethod();
		}
	}

	/**
	 * The repository method that loaded the rows a loop ran over: the one that ran the
	 * statement before it, or, when that was itself a lazy load (a collection of a
	 * collection), the latest repository method before it.
	 */
	private RepositoryMethod loaderBefore(StatementEvent trigger) {
		if (trigger != null && trigger.repositoryMethod() != RepositoryMethod.NONE) {
			return trigger.repositoryMethod();
		}
		return this.lastRepositoryMethod;
	}

	private void countBatchLoad(StatementEvent event) {
		if (this.batchLoads == null) {
			this.batchLoads = new HashMap<>();
		}
		BatchLoads loads = this.batchLoads.get(event.cause());
		if (loads == null) {
			this.batchLoads.put(event.cause(), new BatchLoads(event, this.previous, loaderBefore(this.previous)));
		}
		else if (++loads.count == this.threshold * BATCH_LOADS_FACTOR) {
			loads.callSite = this.callSites.current();
		}
	}

	/**
	 * The repetitions that reached the threshold.
	 * @param entrypoint the unit's entry point
	 * @return one occurrence per repeated fingerprint
	 */
	public List<Occurrence> occurrences(String entrypoint) {
		return occurrences(entrypoint, AssociationMappings.NONE);
	}

	/**
	 * The repetitions that reached the threshold, with the associations behind them.
	 * @param entrypoint the unit's entry point
	 * @param mappings the ORM's mappings
	 * @return one occurrence per repeated fingerprint
	 */
	public List<Occurrence> occurrences(String entrypoint, AssociationMappings mappings) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (Repetition repetition : this.repetitions.values()) {
			if (repetition.count >= this.threshold) {
				occurrences.add(repetition.occurrence(entrypoint, mappings));
			}
		}
		if (this.batchLoads != null) {
			for (BatchLoads loads : this.batchLoads.values()) {
				if (loads.count >= this.threshold * BATCH_LOADS_FACTOR) {
					occurrences.add(loads.occurrence(entrypoint, mappings));
				}
			}
		}
		return occurrences;
	}

	/**
	 * The batch loads of one association in a unit of work.
	 */
	private static final class BatchLoads {

		private final StatementEvent first;

		private final StatementEvent trigger;

		private int count = 1;

		private String callSite;

		private final RepositoryMethod loader;

		BatchLoads(StatementEvent first, StatementEvent trigger, RepositoryMethod loader) {
			this.first = first;
			this.trigger = trigger;
			this.loader = loader;
		}

		Occurrence occurrence(String entrypoint, AssociationMappings mappings) {
			RepositoryMethod method = (this.first.repositoryMethod() != RepositoryMethod.NONE)
					? this.first.repositoryMethod() : this.loader;
			List<AssociationMapping> candidates = mappings.of(this.first.cause());
			AssociationMapping mapping = candidates.isEmpty() ? null : candidates.get(0);
			String callSite = (this.callSite != null) ? this.callSite : CallSites.UNKNOWN;
			return new Occurrence(this.first.fingerprint(), entrypoint, method, callSite, this.count,
					(this.trigger != null) ? this.trigger.fingerprint() : null, FindingKind.BATCH_SIZE_TOO_SMALL,
					mapping, Suggestions.forSmallBatches(this.first.cause().role(), mapping, this.count), -1);
		}

	}

	private static final class Repetition {

		private final StatementEvent first;

		private final StatementEvent trigger;

		private final int firstParametersHash;

		private boolean parametersVaried;

		private int count = 1;

		private String callSite;

		private final RepositoryMethod loader;

		Repetition(StatementEvent first, StatementEvent trigger, RepositoryMethod loader, int parametersHash) {
			this.first = first;
			this.trigger = trigger;
			this.loader = loader;
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

		Occurrence occurrence(String entrypoint, AssociationMappings mappings) {
			RepositoryMethod method = this.first.repositoryMethod();
			RepositoryMethod loader = this.loader;
			// The ORM loading an association of the rows a query returned: the loads run
			// outside
			// any repository call (lazy) or inside the very call that ran the query
			// (eager).
			// Application code calling a repository in a loop is a query per iteration
			// instead.
			boolean associationLoads = this.first.cause().isLoad()
					&& (method == RepositoryMethod.NONE || method.equals(loader));
			if (method == RepositoryMethod.NONE) {
				// Blame the query that loaded the rows.
				method = loader;
			}
			String callSite = (this.callSite != null) ? this.callSite : CallSites.UNKNOWN;
			FindingKind kind = this.parametersVaried ? FindingKind.N_PLUS_ONE : FindingKind.DUPLICATE;
			AssociationMapping mapping = (kind == FindingKind.N_PLUS_ONE && associationLoads) ? mapping(mappings)
					: null;
			List<String> suggestions = (kind == FindingKind.DUPLICATE) ? Suggestions.forDuplicates(callSite, this.count)
					: (mapping != null) ? Suggestions.forLoads(mapping, loader, this.count, mappings)
							: Suggestions.forQueries(callSite, this.count);
			return new Occurrence(this.first.fingerprint(), entrypoint, method, callSite, this.count,
					(this.trigger != null) ? this.trigger.fingerprint() : null, kind, mapping, suggestions, -1);
		}

		/**
		 * The association whose loads repeated: for an entity load the to-one association
		 * of the entity the loop ran over, when the mappings tell it apart.
		 */
		private AssociationMapping mapping(AssociationMappings mappings) {
			List<AssociationMapping> candidates = mappings.of(this.first.cause());
			if (candidates.size() <= 1) {
				return candidates.isEmpty() ? null : candidates.get(0);
			}
			// The association of the entity whose rows the loop ran over: the loader's
			// repository
			// (BookListingRepository loads BookListing), then, for loads inside the
			// loader's own
			// call, an EAGER mapping.
			String loader = this.loader.repository();
			boolean insideLoader = this.first.repositoryMethod()
				.equals((this.trigger != null) ? this.trigger.repositoryMethod() : RepositoryMethod.NONE);
			AssociationMapping best = null;
			int bestScore = -1;
			for (AssociationMapping candidate : candidates) {
				int score = (loader.equals(candidate.owner() + "Repository") ? 4 : 0)
						+ ((insideLoader == "EAGER".equals(candidate.fetch())) ? 2 : 0);
				if (score > bestScore) {
					best = candidate;
					bestScore = score;
				}
			}
			return best;
		}

	}

	/**
	 * A fingerprint repeated in one unit of work.
	 *
	 * @param fingerprint the repeated SELECT
	 * @param entrypoint the unit's entry point
	 * @param repositoryMethod the repository method that issued it, or the one that
	 * loaded the rows it was repeated for
	 * @param callSite the application frame running the loop
	 * @param repetitions how many times it ran
	 * @param triggeredBy the statement before the first repetition, or {@code null}
	 * @param kind a loop over rows, or the same row loaded again
	 * @param mapping the association behind it, or {@code null}
	 * @param suggestions what to change
	 * @param rows rows of the result, or -1
	 * @param details what is particular to its kind, or {@code null}
	 */
	public record Occurrence(SqlFingerprint fingerprint, String entrypoint, RepositoryMethod repositoryMethod,
			String callSite, int repetitions, SqlFingerprint triggeredBy, FindingKind kind, AssociationMapping mapping,
			List<String> suggestions, long rows, Finding.@Nullable FindingDetails details) {

		/**
		 * An occurrence with nothing particular to its kind.
		 * @param fingerprint the statement
		 * @param entrypoint the unit's entry point
		 * @param repositoryMethod the repository method
		 * @param callSite the application frame
		 * @param repetitions how many times it ran
		 * @param triggeredBy the statement before, or {@code null}
		 * @param kind what was found
		 * @param mapping the association behind it, or {@code null}
		 * @param suggestions what to change
		 * @param rows rows of the result, or -1
		 */
		public Occurrence(SqlFingerprint fingerprint, String entrypoint, RepositoryMethod repositoryMethod,
				String callSite, int repetitions, SqlFingerprint triggeredBy, FindingKind kind,
				AssociationMapping mapping, List<String> suggestions, long rows) {
			this(fingerprint, entrypoint, repositoryMethod, callSite, repetitions, triggeredBy, kind, mapping,
					suggestions, rows, null);
		}

		/**
		 * A finding that is no repetition (a large result, in-memory pagination, a load
		 * after the response).
		 * @param kind its kind
		 * @param event the statement
		 * @param callSite where the application ran it
		 * @param mapping the association it loaded, or {@code null}
		 * @param suggestions what to change
		 * @param rows rows it returned, or -1
		 * @return the occurrence
		 */
		public static Occurrence of(FindingKind kind, StatementEvent event, String callSite, AssociationMapping mapping,
				List<String> suggestions, long rows) {
			return new Occurrence(event.fingerprint(), event.entrypoint(), event.repositoryMethod(), callSite, 1, null,
					kind, mapping, suggestions, rows);
		}

		/**
		 * A one-line description naming the statement and the call site.
		 * @return the description
		 */
		public String describe() {
			String what = switch (this.kind) {
				case N_PLUS_ONE ->
					"N+1 queries: " + this.fingerprint.operation().tagValue() + " ran " + this.repetitions + " times";
				case DUPLICATE -> "Duplicate queries: " + this.fingerprint.operation().tagValue() + " ran "
						+ this.repetitions + " times";
				case BATCH_SIZE_TOO_SMALL ->
					"Batch size too small: " + this.repetitions + " batch loads of one association";
				case LARGE_RESULT -> "Large result: " + this.rows + " rows read from one execution";
				case IN_MEMORY_PAGINATION -> "In-memory pagination: a paged query fetched " + this.rows
						+ " rows and Hibernate paged them in memory";
				case LOAD_AFTER_RESPONSE -> "Load after the response: loaded while the response was written";
				case REGRESSION -> "Regression";
				case ROWS_EXAMINED -> "Rows examined: the database read far more rows than it returned";
				case NO_INDEX -> "No index: the database read the rows without an index";
				case DISK_READS -> "Disk reads: most blocks came from disk, not the buffer cache";
				case UNBATCHED_WRITES -> "Unbatched writes: " + this.fingerprint.operation().tagValue() + " ran "
						+ this.repetitions + " times outside a JDBC batch";
				case EXTRA_UPDATE -> "Extra update: each insert was followed by an update of its foreign key";
				case COLLECTION_RECREATED ->
					"Collection recreated: every row of a collection was deleted and inserted again";
				case POOL_WAIT -> "Pool wait: waited for a connection";
				case IDLE_IN_TRANSACTION -> "Idle in transaction: a transaction held its connection mostly idle";
				case CONNECTION_LEAK -> "Connection leak: a connection was not returned to its pool";
			};
			StringBuilder line = new StringBuilder(what).append(" in '")
				.append(this.entrypoint)
				.append("' (")
				.append(this.repositoryMethod.repository())
				.append('.')
				.append(this.repositoryMethod.method())
				.append(", at ")
				.append(this.callSite)
				.append(')');
			if (this.mapping != null) {
				line.append(", association ").append(this.mapping.role()).append(' ').append(this.mapping.describe());
			}
			if (this.triggeredBy != null) {
				line.append(" after [").append(this.triggeredBy.id()).append("] ").append(this.triggeredBy.sql());
			}
			if (!this.fingerprint.sql().isEmpty()) {
				line.append(": [").append(this.fingerprint.id()).append("] ").append(this.fingerprint.sql());
			}
			if (!this.suggestions.isEmpty()) {
				line.append(". Fix: ").append(String.join("; ", this.suggestions));
			}
			return line.toString();
		}

	}

}

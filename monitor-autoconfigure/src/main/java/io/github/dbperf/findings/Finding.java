package io.github.dbperf.findings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A finding of any {@link FindingKind} seen in one entry point, aggregated over every
 * unit of work in which it occurred. Built by name with {@link #builder}.
 *
 * @param id fingerprint id of the statement it is about
 * @param sql its fingerprint text
 * @param kind what was found
 * @param entrypoint the entry point (route template, task, scope)
 * @param repository the repository that issued it (or loaded the rows it was repeated
 * for)
 * @param method that repository's method
 * @param callSite the application frame that ran it
 * @param occurrences units of work in which it happened (for a regression: executions in
 * the recent minutes)
 * @param maxRepetitions the most repetitions in one unit
 * @param firstSeen when it was first seen (since the last reset)
 * @param lastSeen the latest occurrence
 * @param triggeredBy the fingerprint of the statement that preceded the loop (the "1"),
 * or {@code null}
 * @param triggeredBySql that statement's fingerprint text, or {@code null}
 * @param association the association whose loads repeated ({@code Author.books}), or
 * {@code null}
 * @param mapping how that association is mapped ({@code fetch}, {@code batchSize}), or
 * {@code null}
 * @param suggestions what to change, most local first
 * @param rows rows of the largest result (large results, in-memory pagination), or -1
 * @param details what is particular to its kind ({@link RegressionDetails} for a
 * regression), or {@code null}
 * @param traceId the trace of the latest occurrence, when the application traces, or
 * {@code null}
 * @param spanId the span of the latest occurrence, or {@code null}
 */
public record Finding(String id, String sql, FindingKind kind, String entrypoint, String repository, String method,
		String callSite, long occurrences, int maxRepetitions, Instant firstSeen, Instant lastSeen,
		@Nullable String triggeredBy, @Nullable String triggeredBySql, @Nullable String association,
		@Nullable Map<String, Object> mapping, List<String> suggestions, long rows, @Nullable FindingDetails details,
		@Nullable String traceId, @Nullable String spanId) {

	/**
	 * Start a finding.
	 * @param kind what was found
	 * @param id the fingerprint id of its statement
	 * @param sql that statement's fingerprint text
	 * @return a builder
	 */
	public static Builder builder(FindingKind kind, String id, String sql) {
		return new Builder(kind, id, sql);
	}

	/**
	 * What is particular to one kind of finding.
	 */
	public sealed interface FindingDetails
			permits RegressionDetails, WriteDetails, PoolWaitDetails, IdleTransactionDetails, LeakDetails {

	}

	/**
	 * What a regression compared: the 95th percentile of the recent minutes against the
	 * hour before.
	 *
	 * @param p95BeforeMillis the hour before
	 * @param p95RecentMillis the recent minutes
	 * @param callsBefore executions in the hour before
	 * @param callsRecent executions in the recent minutes
	 * @param factor how many times slower, to a tenth
	 */
	public record RegressionDetails(double p95BeforeMillis, double p95RecentMillis, long callsBefore, long callsRecent,
			double factor) implements FindingDetails {

	}

	/**
	 * What a write-path finding wrote, and why it costs what it does.
	 *
	 * @param entity the entity written ({@code Book}) or the collection's role, or
	 * {@code null} when no ORM mapping holds the table
	 * @param table the table written, or {@code null} when the statement was not read
	 * @param reason why: {@code IDENTITY_IDS}, {@code JDBC_BATCHING_OFF},
	 * {@code BATCH_ORDERING_OFF}, {@code ONE_BY_ONE} or {@code PLAIN_JDBC} for unbatched
	 * writes; the mapping ({@code UNIDIRECTIONAL_ONE_TO_MANY}, {@code MANY_TO_MANY_LIST})
	 * for the others
	 */
	public record WriteDetails(@Nullable String entity, @Nullable String table,
			String reason) implements FindingDetails {

	}

	/**
	 * Who waited for a connection, and who held the pool's connections at that moment.
	 *
	 * @param dataSource the DataSource whose pool was empty
	 * @param waitMillis the latest wait
	 * @param maxWaitMillis the longest wait
	 * @param holders the entry points holding connections when the latest wait ended, the
	 * longest held first
	 */
	public record PoolWaitDetails(String dataSource, double waitMillis, double maxWaitMillis,
			List<Holder> holders) implements FindingDetails {

	}

	/**
	 * The connections one entry point held while a unit of work waited for one.
	 *
	 * @param entrypoint the entry point
	 * @param borrows its borrows out at some time during the wait (more than the pool's
	 * size when connections changed hands)
	 * @param heldMillis how long those borrows held their connections, summed
	 */
	public record Holder(String entrypoint, int borrows, double heldMillis) {

	}

	/**
	 * A transaction that held its connection mostly idle.
	 *
	 * @param dataSource the DataSource
	 * @param transaction the Spring transaction's name (the {@code @Transactional} method
	 * that began it, {@code OrderService.placeOrder}), or {@code null} outside Spring's
	 * transaction management
	 * @param readOnly whether it was declared read-only
	 * @param heldMillis how long it held the connection (the latest)
	 * @param idleMillis how much of that no statement ran
	 * @param statements statements it ran
	 */
	public record IdleTransactionDetails(String dataSource, @Nullable String transaction, boolean readOnly,
			double heldMillis, double idleMillis, int statements) implements FindingDetails {

	}

	/**
	 * A connection not returned to its pool.
	 *
	 * @param dataSource the DataSource
	 * @param heldMillis how long it had been out when told
	 * @param thread the thread that borrowed it
	 * @param statements statements run on it by then
	 * @param unitEnded whether the unit of work that borrowed it had ended (a leak for
	 * certain), or was still running (a leak or a very long unit)
	 */
	public record LeakDetails(String dataSource, double heldMillis, String thread, int statements,
			boolean unitEnded) implements FindingDetails {

	}

	/**
	 * Builds a {@link Finding} by name.
	 */
	public static final class Builder {

		private final FindingKind kind;

		private final String id;

		private final String sql;

		private String entrypoint = "none";

		private String repository = "none";

		private String method = "none";

		private String callSite = "unknown";

		private long occurrences = 1;

		private int maxRepetitions;

		private Instant firstSeen;

		private Instant lastSeen;

		private @Nullable String triggeredBy;

		private @Nullable String triggeredBySql;

		private @Nullable String association;

		private @Nullable Map<String, Object> mapping;

		private List<String> suggestions = List.of();

		private long rows = -1;

		private @Nullable FindingDetails details;

		private @Nullable String traceId;

		private @Nullable String spanId;

		private Builder(FindingKind kind, String id, String sql) {
			this.kind = kind;
			this.id = id;
			this.sql = sql;
		}

		public Builder entrypoint(String entrypoint) {
			this.entrypoint = entrypoint;
			return this;
		}

		public Builder repositoryMethod(String repository, String method) {
			this.repository = repository;
			this.method = method;
			return this;
		}

		public Builder callSite(String callSite) {
			this.callSite = callSite;
			return this;
		}

		public Builder occurrences(long occurrences, int maxRepetitions) {
			this.occurrences = occurrences;
			this.maxRepetitions = maxRepetitions;
			return this;
		}

		public Builder seen(Instant first, Instant last) {
			this.firstSeen = first;
			this.lastSeen = last;
			return this;
		}

		public Builder triggeredBy(@Nullable String id, @Nullable String sql) {
			this.triggeredBy = id;
			this.triggeredBySql = sql;
			return this;
		}

		public Builder association(@Nullable String role, @Nullable Map<String, Object> mapping) {
			this.association = role;
			this.mapping = mapping;
			return this;
		}

		public Builder suggestions(List<String> suggestions) {
			this.suggestions = suggestions;
			return this;
		}

		public Builder rows(long rows) {
			this.rows = rows;
			return this;
		}

		public Builder details(@Nullable FindingDetails details) {
			this.details = details;
			return this;
		}

		public Builder trace(@Nullable String traceId, @Nullable String spanId) {
			this.traceId = traceId;
			this.spanId = spanId;
			return this;
		}

		/**
		 * The finding; first and last seen are now unless given.
		 * @return the finding
		 */
		public Finding build() {
			Instant now = (this.lastSeen != null) ? this.lastSeen : Instant.now();
			return new Finding(this.id, this.sql, this.kind, this.entrypoint, this.repository, this.method,
					this.callSite, this.occurrences, this.maxRepetitions,
					(this.firstSeen != null) ? this.firstSeen : now, now, this.triggeredBy, this.triggeredBySql,
					this.association, this.mapping, this.suggestions, this.rows, this.details, this.traceId,
					this.spanId);
		}

	}

}

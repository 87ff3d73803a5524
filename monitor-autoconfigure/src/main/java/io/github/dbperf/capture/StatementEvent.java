package io.github.dbperf.capture;

import java.util.List;

import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;

/**
 * One executed statement, built once after it completed and handed to every sink. Holds
 * the raw SQL only for sinks that need it within the call (never to be stored unless
 * parameters are included by configuration).
 *
 * @param dataSource the DataSource bean name
 * @param fingerprint the normalized statement
 * @param sql the SQL as the application sent it, literals included: for sinks that act
 * within the call (plan capture) only, never stored unless parameters are included by
 * configuration
 * @param elapsedNanos real time the driver took, measured after completion
 * @param batchSize statements in the JDBC batch, 0 when not a batch
 * @param rows rows changed as reported by the driver, -1 when unknown
 * @param outcome success or error
 * @param repositoryMethod the innermost repository method in progress, or
 * {@link RepositoryMethod#NONE}
 * @param outermostMethod the outermost repository method in progress, or
 * {@link RepositoryMethod#NONE}
 * @param entrypoint the unit of work's entry point (route template, scheduled task, scope
 * name, {@code startup}) or {@code none}
 * @param cause why the ORM ran it (a query, a load with its association, a flush) or
 * {@link OrmCause#JDBC}
 * @param slow whether the elapsed time reached the slow-query threshold
 * @param parametersHash a hash of the bound parameters of a SELECT (0 otherwise): tells a
 * loop over rows from the same row loaded again without keeping any value
 * @param parameters the bound values of a slow SELECT, in order, for plan capture only
 * (never stored unless parameters are included by configuration); empty otherwise
 * @param thread the calling thread's name
 * @param timestamp wall-clock milliseconds when the statement completed
 */
public record StatementEvent(String dataSource, SqlFingerprint fingerprint, String sql, long elapsedNanos,
		int batchSize, long rows, Outcome outcome, RepositoryMethod repositoryMethod, RepositoryMethod outermostMethod,
		String entrypoint, OrmCause cause, boolean slow, int parametersHash, List<Object> parameters, String thread,
		long timestamp) {

	/**
	 * The same event without anything the application sent as a value: the SQL as its
	 * fingerprint (literals masked), no bound values, no hash of them. What an
	 * application's sinks receive unless {@code dbperf.sql.include-parameters} is on.
	 * @return the copy
	 */
	public StatementEvent withoutValues() {
		return new StatementEvent(this.dataSource, this.fingerprint, this.fingerprint.sql(), this.elapsedNanos,
				this.batchSize, this.rows, this.outcome, this.repositoryMethod, this.outermostMethod, this.entrypoint,
				this.cause, this.slow, 0, List.of(), this.thread, this.timestamp);
	}

	public Operation operation() {
		return this.fingerprint.operation();
	}

	public boolean isSuccess() {
		return this.outcome == Outcome.SUCCESS;
	}

}

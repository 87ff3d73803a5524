package io.github.dbperf.capture;

import io.github.dbperf.attribution.RepositoryMethod;

/**
 * Builds {@link StatementEvent}s for tests of the in-memory stores (not of JDBC
 * behaviour, which is tested on real engines).
 */
public final class StatementEvents {

	private static final SqlFingerprinter fingerprinter = new SqlFingerprinter();

	private StatementEvents() {
	}

	public static StatementEvent of(String sql, long elapsedNanos) {
		return of(SqlFingerprinter.compute(sql), elapsedNanos, RepositoryMethod.NONE);
	}

	public static StatementEvent of(String sql, long elapsedNanos, String entrypoint) {
		SqlFingerprint fingerprint = SqlFingerprinter.compute(sql);
		return new StatementEvent("dataSource", fingerprint, fingerprint.sql(), elapsedNanos, 0, -1, Outcome.SUCCESS,
				RepositoryMethod.NONE, RepositoryMethod.NONE, entrypoint, io.github.dbperf.attribution.OrmCause.JDBC,
				false, 0, java.util.List.of(), Thread.currentThread().getName(), System.currentTimeMillis());
	}

	public static SqlFingerprint fingerprint(String sql) {
		return SqlFingerprinter.compute(sql);
	}

	public static StatementEvent cached(String sql, long elapsedNanos) {
		return of(fingerprinter.fingerprint(sql), elapsedNanos, RepositoryMethod.NONE);
	}

	public static StatementEvent of(SqlFingerprint fingerprint, long elapsedNanos, RepositoryMethod method) {
		return new StatementEvent("dataSource", fingerprint, fingerprint.sql(), elapsedNanos, 0, -1, Outcome.SUCCESS,
				method, method, "none", io.github.dbperf.attribution.OrmCause.JDBC, false, 0, java.util.List.of(),
				Thread.currentThread().getName(), System.currentTimeMillis());
	}

}

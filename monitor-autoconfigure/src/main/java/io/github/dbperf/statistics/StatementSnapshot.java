package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.List;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.UnitOfWork;

/**
 * What is known about one statement fingerprint at a moment, over a {@link Window}. Times
 * in milliseconds; {@code minMillis}, {@code firstSeen} and {@code lastSeen} are since
 * start.
 *
 * @param id the fingerprint id
 * @param sql the fingerprint text
 * @param operation {@code select}, {@code insert}, ...
 * @param datasources the DataSources it ran on
 * @param calls executions
 * @param errors executions that failed
 * @param rows rows changed, as reported by the driver
 * @param totalMillis total time
 * @param meanMillis mean time
 * @param minMillis fastest execution
 * @param maxMillis slowest execution
 * @param p95Millis 95th percentile (estimated within about 9%)
 * @param p99Millis 99th percentile (estimated within about 9%)
 * @param firstSeen first execution
 * @param lastSeen latest execution
 * @param repositories {@code Repository.method} that issued it (at most 16)
 * @param entrypoints the entry points that ran it, most calls first (at most 16;
 * {@code startup} for statements run before the application was ready)
 * @param minutes one point a minute over the window (the last hour for {@code all}),
 * oldest first, ending with the minute in progress
 * @param database the database's own figures of it (server-side statement statistics),
 * {@code null} when not read
 */
public record StatementSnapshot(String id, String sql, String operation, List<String> datasources, long calls,
		long errors, long rows, double totalMillis, double meanMillis, double minMillis, double maxMillis,
		double p95Millis, double p99Millis, Instant firstSeen, Instant lastSeen, List<String> repositories,
		List<String> entrypoints, List<MinutePoint> minutes, DatabaseFigures database) {

	/**
	 * The same with one point a minute.
	 * @param minutes the points
	 * @return a copy
	 */
	public StatementSnapshot withMinutes(List<MinutePoint> minutes) {
		return new StatementSnapshot(this.id, this.sql, this.operation, this.datasources, this.calls, this.errors,
				this.rows, this.totalMillis, this.meanMillis, this.minMillis, this.maxMillis, this.p95Millis,
				this.p99Millis, this.firstSeen, this.lastSeen, this.repositories, this.entrypoints, minutes,
				this.database);
	}

	/**
	 * The same with the database's own figures.
	 * @param database the figures, or {@code null}
	 * @return a copy
	 */
	public StatementSnapshot withDatabase(DatabaseFigures database) {
		return new StatementSnapshot(this.id, this.sql, this.operation, this.datasources, this.calls, this.errors,
				this.rows, this.totalMillis, this.meanMillis, this.minMillis, this.maxMillis, this.p95Millis,
				this.p99Millis, this.firstSeen, this.lastSeen, this.repositories, this.entrypoints, this.minutes,
				database);
	}

	/**
	 * The repository method that issued it first (by name), for a finding or a meter's
	 * tags.
	 * @return the method, or {@link RepositoryMethod#NONE}
	 */
	public RepositoryMethod mainRepositoryMethod() {
		if (this.repositories.isEmpty()) {
			return RepositoryMethod.NONE;
		}
		String qualified = this.repositories.get(0);
		int dot = qualified.lastIndexOf('.');
		return new RepositoryMethod(qualified.substring(0, dot), qualified.substring(dot + 1));
	}

	/**
	 * The entry point that ran it most.
	 * @return the entry point, or {@code none}
	 */
	public String mainEntrypoint() {
		return this.entrypoints.isEmpty() ? UnitOfWork.NONE : this.entrypoints.get(0);
	}

	/**
	 * Nanoseconds as the milliseconds dbperf shows: rounded to the microsecond.
	 * @param nanos the time
	 * @return milliseconds
	 */
	public static double millis(long nanos) {
		return Math.round(nanos / 1000.0) / 1000.0;
	}

}

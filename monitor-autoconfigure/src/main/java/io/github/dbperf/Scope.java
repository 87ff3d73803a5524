package io.github.dbperf;

import java.time.Duration;

import io.github.dbperf.attribution.UnitOfWork;

/**
 * A unit of work opened by {@link DbPerf#scope(String)} on the calling thread: close it
 * on the same thread, with try-with-resources. What it counted so far can be read while
 * it is open and after.
 */
public final class Scope implements AutoCloseable {

	private final UnitOfWork unit;

	Scope(UnitOfWork unit) {
		this.unit = unit;
	}

	/**
	 * The name the scope was opened with, its entry point in reports and tags.
	 * @return the name
	 */
	public String name() {
		return this.unit.entrypoint();
	}

	/**
	 * Statements executed in this scope so far.
	 * @return the count
	 */
	public int statements() {
		return this.unit.statements();
	}

	/**
	 * Time the statements of this scope took so far.
	 * @return the database time
	 */
	public Duration databaseTime() {
		return Duration.ofNanos(this.unit.dbNanos());
	}

	/**
	 * Entities the ORM loaded in this scope so far.
	 * @return the count
	 */
	public int entitiesLoaded() {
		return this.unit.entities();
	}

	/**
	 * End the scope: its statements are checked for N+1 patterns and counted per unit. In
	 * strict N+1 mode ({@code dbperf.n-plus-one.mode=strict}) an N+1 inside it is thrown
	 * from here as an {@code NPlusOneException}. Closing it again does nothing.
	 */
	@Override
	public void close() {
		this.unit.close();
	}

}

package io.github.dbperf.attribution;

/**
 * Names of units of work that are not opened by an entry point.
 */
public final class UnitOfWork {

	/** Statements outside any unit of work. */
	public static final String NONE = "none";

	private UnitOfWork() {
	}

}

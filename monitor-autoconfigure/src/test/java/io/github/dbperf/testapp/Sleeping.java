package io.github.dbperf.testapp;

/**
 * A repository fragment whose one method is a genuinely slow SELECT on every engine.
 */
public interface Sleeping {

	/**
	 * Run a SELECT that takes the given time inside the database.
	 * @param millis how long
	 * @return what the database returned
	 */
	Object sleep(int millis);

}

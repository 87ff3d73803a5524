package io.github.dbperf;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where dbperf reports a failure of its own: counted always, logged once per place and
 * kind of exception, never thrown into the application.
 */
public final class InternalFailures {

	private static final Logger logger = LoggerFactory.getLogger(InternalFailures.class);

	private static final int MAX_LOGGED_KINDS = 256;

	private static final LongAdder count = new LongAdder();

	private static final Set<String> logged = ConcurrentHashMap.newKeySet();

	private InternalFailures() {
	}

	/**
	 * Report a failure.
	 * @param where the part of dbperf that failed (a bounded name)
	 * @param failure what was thrown
	 */
	public static void report(String where, Throwable failure) {
		count.increment();
		String kind = where + ":" + failure.getClass().getName();
		if (logged.size() < MAX_LOGGED_KINDS && logged.add(kind)) {
			logger.warn("dbperf {} failed; the application's call was not affected. "
					+ "Further failures of this kind are counted in dbperf.errors, not logged", where, failure);
		}
	}

	/**
	 * Failures reported since the JVM started.
	 * @return the count
	 */
	public static long count() {
		return count.sum();
	}

}

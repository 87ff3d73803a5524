package io.github.dbperf.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one application context's dbperf reports a failure of its own: counted always,
 * logged once per place and kind of exception, never thrown into the application.
 */
public final class InternalFailures {

	private static final Logger logger = LoggerFactory.getLogger(InternalFailures.class);

	private static final int MAX_LOGGED_KINDS = 256;

	private final LongAdder count = new LongAdder();

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	/**
	 * Report a failure.
	 * @param where the part of dbperf that failed (a bounded name)
	 * @param failure what was thrown
	 */
	public void report(String where, Throwable failure) {
		this.count.increment();
		String kind = where + ":" + failure.getClass().getName();
		if (this.logged.size() < MAX_LOGGED_KINDS && this.logged.add(kind)) {
			logger.warn("dbperf {} failed; the application's call was not affected. "
					+ "Further failures of this kind are counted in dbperf.errors, not logged", where, failure);
		}
	}

	/**
	 * Failures reported since this context started.
	 * @return the count
	 */
	public long count() {
		return this.count.sum();
	}

}

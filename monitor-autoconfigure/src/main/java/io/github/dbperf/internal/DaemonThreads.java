package io.github.dbperf.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one way dbperf runs work off the application's threads: one named daemon thread,
 * behind a bounded queue that rejects (the caller counts what it drops) rather than
 * waits.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * One daemon thread behind a bounded queue.
	 * @param name the thread's name
	 * @param queueCapacity tasks waiting at most; more are rejected
	 * @return the executor, to be shut down with its context
	 */
	public static ThreadPoolExecutor boundedQueue(String name, int queueCapacity) {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
				named(name), new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * One daemon thread for periodic work.
	 * @param name the thread's name
	 * @return the scheduler, to be shut down with its context
	 */
	public static ScheduledExecutorService scheduler(String name) {
		return Executors.newSingleThreadScheduledExecutor(named(name));
	}

	private static ThreadFactory named(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}

package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.InternalFailures;
import io.github.dbperf.attribution.CallSites;

/**
 * Sinks that are not dbperf's own (an application's {@link StatementSink} beans) run off
 * the caller's thread, on one daemon thread behind a bounded queue: however slow they
 * are, they never delay the application's JDBC call; when they fall behind, events are
 * dropped and counted.
 */
final class ForeignSinks {

	static final int QUEUE_CAPACITY = 4096;

	private ForeignSinks() {
	}

	static List<StatementSink> isolate(List<StatementSink> sinks) {
		List<StatementSink> isolated = new ArrayList<>(sinks.size());
		ThreadPoolExecutor executor = null;
		for (StatementSink sink : sinks) {
			if (isOwn(sink)) {
				isolated.add(sink);
			}
			else {
				executor = (executor != null) ? executor : executor();
				isolated.add(new AsyncSink(sink, executor));
			}
		}
		return isolated;
	}

	static boolean isOwn(StatementSink sink) {
		return CallSites.isOwnClass(sink.getClass());
	}

	private static ThreadPoolExecutor executor() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
				(runnable) -> {
					Thread thread = new Thread(runnable, "dbperf-sinks");
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	private record AsyncSink(StatementSink delegate, ThreadPoolExecutor executor) implements StatementSink {

		@Override
		public void accept(StatementEvent event) {
			try {
				this.executor.execute(() -> {
					try {
						this.delegate.accept(event);
					}
					catch (RuntimeException | LinkageError ex) {
						InternalFailures.report(this.delegate.getClass().getSimpleName(), ex);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				InternalFailures.report("queue of " + this.delegate.getClass().getSimpleName(), ex);
			}
		}

	}

}

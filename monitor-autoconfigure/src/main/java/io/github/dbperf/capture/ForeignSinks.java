package io.github.dbperf.capture;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.InternalFailures;

/**
 * Sinks that are not dbperf's own (an application's {@link StatementSink} beans) run off
 * the caller's thread, on one daemon thread behind a bounded queue: however slow they
 * are, they never delay the application's JDBC call; when they fall behind, events are
 * dropped and counted. The thread stops when the context closes.
 */
final class ForeignSinks implements AutoCloseable {

	static final int QUEUE_CAPACITY = 4096;

	private final InternalFailures failures;

	private ThreadPoolExecutor executor;

	ForeignSinks(InternalFailures failures) {
		this.failures = failures;
	}

	synchronized StatementSink isolate(StatementSink sink) {
		if (sink instanceof CallerThreadSink) {
			return sink;
		}
		if (this.executor == null) {
			this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(QUEUE_CAPACITY), (runnable) -> {
						Thread thread = new Thread(runnable, "dbperf-sinks");
						thread.setDaemon(true);
						return thread;
					}, new ThreadPoolExecutor.AbortPolicy());
		}
		return new AsyncSink(sink, this.executor, this.failures);
	}

	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private record AsyncSink(StatementSink delegate, ThreadPoolExecutor executor,
			InternalFailures failures) implements StatementSink {

		@Override
		public void accept(StatementEvent event) {
			try {
				this.executor.execute(() -> {
					try {
						this.delegate.accept(event);
					}
					catch (RuntimeException | LinkageError ex) {
						this.failures.report(this.delegate.getClass().getSimpleName(), ex);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.failures.report("queue of " + this.delegate.getClass().getSimpleName(), ex);
			}
		}

	}

}

package io.github.dbperf.capture;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dbperf.internal.DaemonThreads;
import io.github.dbperf.internal.InternalFailures;

/**
 * Sinks that are not dbperf's own (an application's {@link StatementSink} beans) run off
 * the caller's thread, on one daemon thread behind a bounded queue: however slow they
 * are, they never delay the application's JDBC call; when they fall behind (more than
 * {@link #QUEUE_CAPACITY} events, or more than {@link #QUEUE_BYTES} bytes of SQL
 * waiting), events are dropped and counted. The thread stops when the context closes.
 */
final class ForeignSinks implements AutoCloseable {

	static final int QUEUE_CAPACITY = 4096;

	/** Bytes of SQL text (two a char) the waiting events may hold in all. */
	static final long QUEUE_BYTES = 16L * 1024 * 1024;

	private final AtomicLong queuedBytes = new AtomicLong();

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
			this.executor = DaemonThreads.boundedQueue("dbperf-sinks", QUEUE_CAPACITY);
		}
		return new AsyncSink(sink, this.executor, this.failures, this.queuedBytes);
	}

	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private record AsyncSink(StatementSink delegate, ThreadPoolExecutor executor, InternalFailures failures,
			AtomicLong queuedBytes) implements StatementSink {

		@Override
		public void accept(StatementEvent event) {
			submit(() -> this.delegate.accept(event), 2L * (event.sql().length() + event.fingerprint().sql().length()));
		}

		@Override
		public void rowsRead(StatementEvent event, long rows) {
			// The event is already counted by the task that delivers it.
			submit(() -> this.delegate.rowsRead(event, rows), 0);
		}

		/**
		 * Queue work for the sink's thread, within the bounds in events and bytes; work
		 * the sink throws from, or that finds the queue full, is reported, never thrown.
		 */
		private void submit(Runnable work, long bytes) {
			if (this.queuedBytes.addAndGet(bytes) > QUEUE_BYTES) {
				this.queuedBytes.addAndGet(-bytes);
				this.failures.report("queue of " + ValuesHidden.nameOf(this.delegate),
						new RejectedExecutionException("More than " + QUEUE_BYTES + " bytes of SQL waiting"));
				return;
			}
			try {
				this.executor.execute(() -> {
					try {
						work.run();
					}
					catch (RuntimeException | LinkageError ex) {
						this.failures.report(ValuesHidden.nameOf(this.delegate), ex);
					}
					finally {
						this.queuedBytes.addAndGet(-bytes);
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.queuedBytes.addAndGet(-bytes);
				this.failures.report("queue of " + ValuesHidden.nameOf(this.delegate), ex);
			}
		}

	}

}

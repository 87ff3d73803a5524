package io.github.dbperf.capture;

import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.internal.InternalFailures;

/**
 * Sinks that record one application context's statements for a while (the
 * {@code dbperf-test} module's recordings). With none registered it costs one read of an
 * empty list.
 */
public final class StatementRecorders {

	private final CopyOnWriteArrayList<StatementSink> recorders = new CopyOnWriteArrayList<>();

	private final InternalFailures failures;

	/**
	 * Create the recorders of one context.
	 * @param failures where a failing recorder is reported
	 */
	public StatementRecorders(InternalFailures failures) {
		this.failures = failures;
	}

	public void add(StatementSink recorder) {
		this.recorders.add(recorder);
	}

	public void remove(StatementSink recorder) {
		this.recorders.remove(recorder);
	}

	void dispatch(StatementEvent event) {
		if (this.recorders.isEmpty()) {
			return;
		}
		for (StatementSink recorder : this.recorders) {
			try {
				recorder.accept(event);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.report("statement recorder", ex);
			}
		}
	}

	void rowsRead(StatementEvent event, long rows) {
		if (this.recorders.isEmpty()) {
			return;
		}
		for (StatementSink recorder : this.recorders) {
			try {
				recorder.rowsRead(event, rows);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.report("statement recorder", ex);
			}
		}
	}

}

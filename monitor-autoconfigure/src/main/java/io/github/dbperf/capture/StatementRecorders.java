package io.github.dbperf.capture;

import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.InternalFailures;

/**
 * Sinks that record statements for a while (the {@code dbperf-test} module's
 * recordings). Every monitored DataSource feeds them; with none registered it costs one
 * read of an empty list.
 */
public final class StatementRecorders {

	private static final CopyOnWriteArrayList<StatementSink> recorders = new CopyOnWriteArrayList<>();

	private StatementRecorders() {
	}

	public static void add(StatementSink recorder) {
		recorders.add(recorder);
	}

	public static void remove(StatementSink recorder) {
		recorders.remove(recorder);
	}

	static void dispatch(StatementEvent event) {
		if (recorders.isEmpty()) {
			return;
		}
		for (StatementSink recorder : recorders) {
			try {
				recorder.accept(event);
			}
			catch (RuntimeException | LinkageError ex) {
				InternalFailures.report("statement recorder", ex);
			}
		}
	}

}

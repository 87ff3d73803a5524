package io.github.dbperf.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.internal.InternalFailures;

/**
 * Where one application context's statements go: dbperf's own sinks from the start, the
 * application's {@link StatementSink} beans once every bean exists (so a sink that needs
 * a repository creates no bean cycle), and the recordings of {@code dbperf-test}.
 */
public final class StatementSinks implements AutoCloseable {

	private final InternalFailures failures;

	private final StatementRecorders recorders;

	private final ForeignSinks foreign;

	private volatile StatementSink[] sinks;

	/** Those of {@link #sinks} that want rows: the others are not called for them. */
	private volatile StatementSink[] rowSinks;

	/**
	 * Create the sinks of one context.
	 * @param own dbperf's own sinks, run on the caller's thread in this order
	 * @param recorders the context's recordings
	 * @param failures where a failing sink is reported
	 */
	public StatementSinks(List<? extends StatementSink> own, StatementRecorders recorders, InternalFailures failures) {
		this.failures = failures;
		this.recorders = recorders;
		this.foreign = new ForeignSinks(failures);
		this.sinks = own.toArray(StatementSink[]::new);
		this.rowSinks = rowSinks(this.sinks);
	}

	private static StatementSink[] rowSinks(StatementSink[] sinks) {
		List<StatementSink> wanting = new ArrayList<>();
		for (StatementSink sink : sinks) {
			try {
				Method rowsRead = sink.getClass().getMethod("rowsRead", StatementEvent.class, long.class);
				if (rowsRead.getDeclaringClass() != StatementSink.class) {
					wanting.add(sink);
				}
			}
			catch (NoSuchMethodException ex) {
				wanting.add(sink);
			}
		}
		return wanting.toArray(StatementSink[]::new);
	}

	/**
	 * Add the application's sinks; those that are not {@link CallerThreadSink}s run off
	 * the caller's thread.
	 * @param applicationSinks the sinks
	 * @param includeValues whether they see the SQL as sent and its bound values
	 * ({@code dbperf.sql.include-parameters}); otherwise
	 * {@link StatementEvent#withoutValues()}
	 */
	public synchronized void addApplicationSinks(List<? extends StatementSink> applicationSinks,
			boolean includeValues) {
		List<StatementSink> all = new ArrayList<>(List.of(this.sinks));
		for (StatementSink sink : applicationSinks) {
			if (!all.contains(sink)) {
				all.add(this.foreign.isolate(includeValues ? sink : ValuesHidden.of(sink)));
			}
		}
		this.sinks = all.toArray(StatementSink[]::new);
		this.rowSinks = rowSinks(this.sinks);
	}

	InternalFailures failures() {
		return this.failures;
	}

	void dispatch(StatementEvent event) {
		for (StatementSink sink : this.sinks) {
			try {
				sink.accept(event);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.report(ValuesHidden.nameOf(sink), ex);
			}
		}
		this.recorders.dispatch(event);
	}

	void rowsRead(StatementEvent event, long rows) {
		for (StatementSink sink : this.rowSinks) {
			try {
				sink.rowsRead(event, rows);
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.report(ValuesHidden.nameOf(sink), ex);
			}
		}
		this.recorders.rowsRead(event, rows);
	}

	@Override
	public void close() {
		this.foreign.close();
	}

}

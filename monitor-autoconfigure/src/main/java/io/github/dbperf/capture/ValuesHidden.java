package io.github.dbperf.capture;

/**
 * An application's sink that sees statements without their values: the SQL as its
 * fingerprint, no bound parameters. Keeps the sink's thread (a {@link CallerThreadSink}
 * stays on the caller's thread).
 */
class ValuesHidden implements StatementSink {

	private final StatementSink sink;

	ValuesHidden(StatementSink sink) {
		this.sink = sink;
	}

	/**
	 * The name a failure of a sink is reported under: the application's class.
	 * @param sink a sink, hidden or not
	 * @return its simple class name
	 */
	static String nameOf(StatementSink sink) {
		return ((sink instanceof ValuesHidden hidden) ? hidden.sink : sink).getClass().getSimpleName();
	}

	static StatementSink of(StatementSink sink) {
		return (sink instanceof CallerThreadSink) ? new OnCallerThread(sink) : new ValuesHidden(sink);
	}

	@Override
	public void accept(StatementEvent event) {
		this.sink.accept(event.withoutValues());
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		this.sink.rowsRead(event.withoutValues(), rows);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ValuesHidden hidden && hidden.sink.equals(this.sink);
	}

	@Override
	public int hashCode() {
		return this.sink.hashCode();
	}

	@Override
	public String toString() {
		return this.sink.toString();
	}

	private static final class OnCallerThread extends ValuesHidden implements CallerThreadSink {

		OnCallerThread(StatementSink sink) {
			super(sink);
		}

	}

}

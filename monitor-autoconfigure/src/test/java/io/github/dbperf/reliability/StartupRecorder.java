package io.github.dbperf.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dbperf.capture.CallerThreadSink;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.StatementEvent;

/**
 * Records the entry point of every DDL statement its context's DataSources ran.
 */
class StartupRecorder implements CallerThreadSink {

	private final List<String> ddlEntrypoints = new CopyOnWriteArrayList<>();

	@Override
	public void accept(StatementEvent event) {
		if (event.operation() == Operation.DDL) {
			this.ddlEntrypoints.add(event.entrypoint());
		}
	}

	List<String> ddlEntrypoints() {
		return List.copyOf(this.ddlEntrypoints);
	}

}

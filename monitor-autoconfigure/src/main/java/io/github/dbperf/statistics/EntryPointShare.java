package io.github.dbperf.statistics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one entry point ran of one statement: calls and time, added atomically, 32 bytes.
 */
final class EntryPointShare {

	private static final VarHandle CALLS;

	private static final VarHandle NANOS;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			CALLS = lookup.findVarHandle(EntryPointShare.class, "calls", long.class);
			NANOS = lookup.findVarHandle(EntryPointShare.class, "nanos", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final String entrypoint;

	@SuppressWarnings("unused") // updated through CALLS
	private volatile long calls;

	@SuppressWarnings("unused") // updated through NANOS
	private volatile long nanos;

	EntryPointShare(String entrypoint) {
		this.entrypoint = entrypoint;
	}

	void add(long elapsedNanos) {
		CALLS.getAndAdd(this, 1L);
		NANOS.getAndAdd(this, elapsedNanos);
	}

	long calls() {
		return this.calls;
	}

	long nanos() {
		return this.nanos;
	}

}

package io.github.dbperf.attribution;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.dbperf.InternalFailures;

/**
 * One unit of work on one thread: an HTTP request, a {@code @Scheduled} run, a scope user
 * code opened, or the outermost repository call when nothing else is in progress. Closing
 * it tells the {@link UnitOfWorkListener}s; a {@link UnitOfWorkViolation} one of them
 * raises (strict N+1 mode) is thrown from {@link #close()}.
 */
public final class UnitOfWork implements AutoCloseable {

	/** Statements outside any unit of work, after startup. */
	public static final String NONE = "none";

	/** Statements issued before the application is ready. */
	public static final String STARTUP = "startup";

	/** HTTP requests that no handler matched. */
	public static final String UNKNOWN = "UNKNOWN";

	private static volatile List<UnitOfWorkListener> listeners = List.of();

	private static volatile boolean applicationReady;

	private final CallContext context;

	private final UnitOfWork enclosing;

	private final Supplier<String> entrypointResolver;

	private String entrypoint;

	private int statements;

	private Map<Object, Object> attachments;

	private boolean closed;

	private UnitOfWork(CallContext context, UnitOfWork enclosing, Supplier<String> entrypointResolver) {
		this.context = context;
		this.enclosing = enclosing;
		this.entrypointResolver = entrypointResolver;
	}

	/**
	 * Begin a unit of work on the calling thread.
	 * @param entrypoint its entry point, a bounded name (route template, task, scope)
	 * @return the unit, to be closed on the same thread
	 */
	public static UnitOfWork begin(String entrypoint) {
		UnitOfWork unit = begin(() -> entrypoint);
		unit.entrypoint = entrypoint;
		return unit;
	}

	/**
	 * Begin a unit of work whose entry point becomes known while it runs (an HTTP request's
	 * route template is known once a handler matched it).
	 * @param entrypointResolver gives the entry point, or {@code null} while unknown
	 * @return the unit, to be closed on the same thread
	 */
	public static UnitOfWork begin(Supplier<String> entrypointResolver) {
		CallContext context = Attribution.current();
		UnitOfWork unit = new UnitOfWork(context, context.unit(), entrypointResolver);
		context.unit(unit);
		return unit;
	}

	/**
	 * The entry point, resolved on first use once known.
	 * @return the entry point, or {@link #UNKNOWN} while unknown
	 */
	public String entrypoint() {
		String entrypoint = this.entrypoint;
		if (entrypoint == null) {
			entrypoint = this.entrypointResolver.get();
			if (entrypoint == null) {
				return UNKNOWN;
			}
			this.entrypoint = entrypoint;
		}
		return entrypoint;
	}

	/**
	 * Statements executed in this unit so far.
	 * @return the count
	 */
	public int statements() {
		return this.statements;
	}

	void statementExecuted() {
		this.statements++;
	}

	/**
	 * Per-unit state of one collaborator, created on first use.
	 * @param <T> the state type
	 * @param owner the collaborator (identity key)
	 * @param factory creates the state
	 * @return the state
	 */
	@SuppressWarnings("unchecked")
	public <T> T attachment(Object owner, Supplier<T> factory) {
		if (this.attachments == null) {
			this.attachments = new IdentityHashMap<>(4);
		}
		return (T) this.attachments.computeIfAbsent(owner, (key) -> factory.get());
	}

	/**
	 * Per-unit state of one collaborator, if it created any.
	 * @param <T> the state type
	 * @param owner the collaborator
	 * @return the state or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <T> T attachment(Object owner) {
		return (this.attachments != null) ? (T) this.attachments.get(owner) : null;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.context.unit(this.enclosing);
		UnitOfWorkViolation violation = null;
		for (UnitOfWorkListener listener : listeners) {
			try {
				listener.onUnitOfWorkEnd(this);
			}
			catch (UnitOfWorkViolation ex) {
				violation = (violation != null) ? violation : ex;
			}
			catch (RuntimeException | LinkageError ex) {
				InternalFailures.report("unit of work listener", ex);
			}
		}
		if (violation != null) {
			throw violation;
		}
	}

	/**
	 * Replace the listeners told about every unit's end.
	 * @param unitListeners the listeners
	 */
	public static void listeners(List<UnitOfWorkListener> unitListeners) {
		listeners = List.copyOf(unitListeners);
	}

	/**
	 * Mark the application ready: statements outside units are no longer
	 * {@link #STARTUP}.
	 * @param ready whether the application is ready
	 */
	public static void applicationReady(boolean ready) {
		applicationReady = ready;
	}

	static String outsideAnyUnit() {
		return applicationReady ? NONE : STARTUP;
	}

}

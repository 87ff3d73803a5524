package io.github.dbperf.attribution;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

import io.github.dbperf.internal.InternalFailures;

/**
 * The units of work of one application context: who is told when one ends, and whether
 * the application is ready yet (statements before that belong to {@code startup}). Each
 * unit carries a reference to the {@code UnitsOfWork} it belongs to, so two contexts in
 * one JVM never see each other's units.
 */
public final class UnitsOfWork {

	private final InternalFailures failures;

	private volatile List<UnitOfWorkListener> listeners = List.of();

	private volatile boolean ready;

	/**
	 * Create the units of work of one context.
	 * @param failures where failures of listeners are reported
	 */
	public UnitsOfWork(InternalFailures failures) {
		this.failures = failures;
	}

	/**
	 * Begin a unit of work of this context on the calling thread.
	 * @param entrypoint its entry point, a bounded name (route template, task, scope)
	 * @return the unit, to be closed on the same thread
	 */
	public UnitOfWork begin(String entrypoint) {
		return UnitOfWork.begin(this, entrypoint);
	}

	/**
	 * Begin a unit of work of this context whose entry point becomes known while it runs.
	 * @param entrypointResolver gives the entry point, or {@code null} while unknown
	 * @return the unit, to be closed on the same thread
	 */
	public UnitOfWork begin(Supplier<String> entrypointResolver) {
		return UnitOfWork.begin(this, entrypointResolver);
	}

	/**
	 * Begin a unit of work of this context for a request whose route and handler become
	 * known while it runs.
	 * @param entrypointResolver gives the entry point, or {@code null} while unknown
	 * @param handlerResolver gives the handler method, or {@code null} while unknown
	 * @return the unit, to be closed on the same thread
	 */
	public UnitOfWork begin(Supplier<String> entrypointResolver, Supplier<Method> handlerResolver) {
		UnitOfWork unit = UnitOfWork.begin(this, entrypointResolver);
		unit.handlerResolver(handlerResolver);
		return unit;
	}

	/**
	 * Replace the listeners told about every unit's end.
	 * @param listeners the listeners
	 */
	public void listeners(List<UnitOfWorkListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Mark the application ready: statements outside units are no longer
	 * {@link UnitOfWork#STARTUP}.
	 * @param ready whether the application is ready
	 */
	public void applicationReady(boolean ready) {
		this.ready = ready;
	}

	/**
	 * The entry point of a statement outside any unit of work.
	 * @return {@link UnitOfWork#STARTUP} before the application is ready, then
	 * {@link UnitOfWork#NONE}
	 */
	public String outsideAnyUnit() {
		return this.ready ? UnitOfWork.NONE : UnitOfWork.STARTUP;
	}

	/**
	 * Where this context's dbperf reports its own failures.
	 * @return the failures
	 */
	public InternalFailures failures() {
		return this.failures;
	}

	void ended(UnitOfWork unit) {
		UnitOfWorkViolation violation = null;
		for (UnitOfWorkListener listener : this.listeners) {
			try {
				listener.onUnitOfWorkEnd(unit);
			}
			catch (UnitOfWorkViolation ex) {
				violation = (violation != null) ? violation : ex;
			}
			catch (RuntimeException | LinkageError ex) {
				this.failures.report("unit of work listener", ex);
			}
		}
		if (violation != null) {
			throw violation;
		}
	}

}

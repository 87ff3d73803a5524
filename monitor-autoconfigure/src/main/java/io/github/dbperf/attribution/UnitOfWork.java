package io.github.dbperf.attribution;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One unit of work on one thread: an HTTP request, a {@code @Scheduled} run, a scope user
 * code opened, or the outermost repository call when nothing else is in progress. It
 * belongs to one application context ({@link UnitsOfWork}); closing it tells that
 * context's {@link UnitOfWorkListener}s, and a {@link UnitOfWorkViolation} one of them
 * raises (strict N+1 mode) is thrown from {@link #close()}.
 */
public final class UnitOfWork implements AutoCloseable {

	/** Statements outside any unit of work, after startup. */
	public static final String NONE = "none";

	/** Statements issued before the application is ready. */
	public static final String STARTUP = "startup";

	/** HTTP requests that no handler matched. */
	public static final String UNKNOWN = "UNKNOWN";

	private final CallContext context;

	private final Thread thread;

	private final UnitOfWork enclosing;

	private final Supplier<String> entrypointResolver;

	/**
	 * The handler method of a request, once Spring MVC matched one; {@code null}
	 * otherwise.
	 */
	private Supplier<Method> handlerResolver;

	private UnitsOfWork owner;

	private String entrypoint;

	private int statements;

	private long dbNanos;

	private int entities;

	private boolean responding;

	private Method handler;

	/**
	 * Owners and their state, in pairs: a unit has one or two collaborators with state.
	 */
	private Object[] attachments;

	private volatile boolean closed;

	private UnitOfWork(CallContext context, UnitOfWork enclosing, UnitsOfWork owner,
			Supplier<String> entrypointResolver) {
		this.context = context;
		this.thread = Thread.currentThread();
		this.enclosing = enclosing;
		this.owner = owner;
		this.entrypointResolver = entrypointResolver;
	}

	/**
	 * Begin a unit of work on the calling thread that belongs to the application context
	 * whose DataSource runs its first statement.
	 * @param entrypoint its entry point, a bounded name (route template, task, scope)
	 * @return the unit, to be closed on the same thread
	 */
	public static UnitOfWork begin(String entrypoint) {
		return begin(null, entrypoint);
	}

	static UnitOfWork begin(UnitsOfWork owner, String entrypoint) {
		UnitOfWork unit = begin(owner, () -> entrypoint);
		unit.entrypoint = entrypoint;
		return unit;
	}

	static UnitOfWork begin(UnitsOfWork owner, Supplier<String> entrypointResolver) {
		CallContext context = Attribution.current();
		UnitOfWork unit = new UnitOfWork(context, context.unit(), owner, entrypointResolver);
		context.unit(unit);
		return unit;
	}

	/**
	 * The application context's units this one belongs to.
	 * @return the owner, {@code null} until a monitored statement ran in a unit begun
	 * without one
	 */
	public UnitsOfWork owner() {
		return this.owner;
	}

	void bind(UnitsOfWork owner) {
		if (this.owner == null) {
			this.owner = owner;
		}
	}

	/**
	 * Whether this unit has ended.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.closed;
	}

	UnitOfWork enclosing() {
		return this.enclosing;
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

	/**
	 * Time its statements took so far.
	 * @return nanoseconds
	 */
	public long dbNanos() {
		return this.dbNanos;
	}

	void statementExecuted(long elapsedNanos) {
		this.statements++;
		this.dbNanos += elapsedNanos;
	}

	/**
	 * Entities the ORM loaded in this unit so far.
	 * @return the count
	 */
	public int entities() {
		return this.entities;
	}

	/**
	 * Whether the handler returned and the response is being written (a view rendered, a
	 * body serialised).
	 * @return {@code true} once the response is being written
	 */
	public boolean isResponding() {
		return this.responding;
	}

	/**
	 * The handler returned: what runs from now on writes the response.
	 * @param handler the handler method that returned, or {@code null}
	 */
	public void responding(Method handler) {
		this.responding = true;
		if (handler != null) {
			this.handler = handler;
		}
	}

	/**
	 * The handler method that returned, once the response is being written; named only
	 * when a finding asks, not on every request.
	 * @return {@code com.example.Controller.method}, or {@code null}
	 */
	public String handler() {
		Method handler = this.handler;
		return (handler != null) ? handler.getDeclaringClass().getName() + "." + handler.getName() : null;
	}

	/**
	 * The handler method that serves this unit's request (set by Spring MVC's handler
	 * mapping before the handler runs), for SQL comments' {@code controller} and
	 * {@code action}.
	 * @return the method, or {@code null} outside a request or before a handler matched
	 */
	public Method handlerMethod() {
		Supplier<Method> resolver = this.handlerResolver;
		return (resolver != null) ? resolver.get() : null;
	}

	void handlerResolver(Supplier<Method> resolver) {
		this.handlerResolver = resolver;
	}

	/**
	 * The ORM loaded an entity in this unit.
	 */
	public void entityLoaded() {
		this.entities++;
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
		T existing = attachment(owner);
		if (existing != null) {
			return existing;
		}
		Object[] attachments = this.attachments;
		T created = factory.get();
		int free = 0;
		if (attachments == null) {
			attachments = new Object[4];
		}
		else {
			while (free < attachments.length && attachments[free] != null) {
				free += 2;
			}
			if (free == attachments.length) {
				attachments = Arrays.copyOf(attachments, attachments.length * 2);
			}
		}
		attachments[free] = owner;
		attachments[free + 1] = created;
		this.attachments = attachments;
		return created;
	}

	/**
	 * Per-unit state of one collaborator, if it created any.
	 * @param <T> the state type
	 * @param owner the collaborator
	 * @return the state or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public <T> T attachment(Object owner) {
		Object[] attachments = this.attachments;
		if (attachments != null) {
			for (int i = 0; i < attachments.length && attachments[i] != null; i += 2) {
				if (attachments[i] == owner) {
					return (T) attachments[i + 1];
				}
			}
		}
		return null;
	}

	/**
	 * End the unit and tell its context's listeners. Closing it on another thread or
	 * while a unit it encloses is still open never touches another unit: the thread it
	 * ran on skips closed units when it next looks.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (Thread.currentThread() == this.thread && this.context.unit() == this) {
			this.context.unit(this.enclosing);
			this.context.unitEnded();
		}
		if (this.owner != null) {
			this.owner.ended(this);
		}
	}

}

package io.github.dbperf.attribution;

import java.util.Arrays;

/**
 * What one thread is doing right now: the stack of repository calls in progress and the
 * unit of work. Mutable and confined to its thread; only {@link Attribution} hands it
 * out.
 */
public final class CallContext {

	private RepositoryMethod[] methods = new RepositoryMethod[4];

	private int[] causeDepths = new int[4];

	private int[] pageSizes = new int[4];

	private int[] statements = new int[4];

	private long[] dbNanos = new long[4];

	private int depth;

	private UnitOfWork unit;

	private Object lastCaptured;

	private OrmCause[] causes = new OrmCause[4];

	private int causeDepth;

	/** The repository method of the thread that handed work to this one, if any. */
	private RepositoryMethod inherited = RepositoryMethod.NONE;

	CallContext() {
	}

	/**
	 * The entry point of the unit of work in progress.
	 * @param units the units of work of the context that asks
	 * @return the entry point, or {@code none} ({@code startup} before the application is
	 * ready)
	 */
	public String entrypoint(UnitsOfWork units) {
		UnitOfWork unit = unit();
		return (unit != null) ? unit.entrypoint() : units.outsideAnyUnit();
	}

	/**
	 * The unit of work in progress.
	 * @return the unit or {@code null}
	 */
	public UnitOfWork unit() {
		UnitOfWork unit = this.unit;
		if (unit != null && unit.isClosed()) {
			// Closed on another thread or out of order: skip it, and any closed around
			// it.
			while (unit != null && unit.isClosed()) {
				unit = unit.enclosing();
			}
			this.unit = unit;
		}
		return unit;
	}

	void unit(UnitOfWork unit) {
		this.unit = unit;
	}

	/**
	 * The innermost repository method in progress.
	 * @return the method, or {@link RepositoryMethod#NONE}
	 */
	public RepositoryMethod innermost() {
		return (this.depth > 0) ? this.methods[this.depth - 1] : this.inherited;
	}

	/**
	 * The outermost repository method in progress.
	 * @return the method, or {@link RepositoryMethod#NONE}
	 */
	public RepositoryMethod outermost() {
		return (this.depth > 0) ? this.methods[0] : this.inherited;
	}

	/**
	 * Record that a statement ran inside the current repository call and unit of work, if
	 * any.
	 * @param elapsedNanos the statement's time
	 * @param units the units of work of the context whose DataSource ran it: a unit begun
	 * without a context belongs to the first that runs a statement in it
	 */
	public void statementExecuted(long elapsedNanos, UnitsOfWork units) {
		UnitOfWork unit = unit();
		if (unit != null) {
			unit.bind(units);
			unit.statementExecuted(elapsedNanos);
		}
		if (this.depth > 0) {
			this.statements[this.depth - 1]++;
			this.dbNanos[this.depth - 1] += elapsedNanos;
		}
	}

	/**
	 * Remember the JDBC statement whose execution was just recorded. A monitored
	 * DataSource that wraps another monitored one (a routing DataSource over monitored
	 * targets) sees the same execution again, through the inner proxy.
	 * @param statement the statement the recording layer executed
	 */
	public void recorded(Object statement) {
		this.lastCaptured = statement;
	}

	/**
	 * Whether a layer inside this one already recorded this execution.
	 * @param statement the statement this layer executed (an inner layer's proxy)
	 * @param innerTarget what that proxy wraps, or {@code null} when it is no proxy
	 * @return {@code true} when the inner layer recorded it
	 */
	public boolean recordedInside(Object statement, Object innerTarget) {
		if (innerTarget != null && innerTarget == this.lastCaptured) {
			this.lastCaptured = statement;
			return true;
		}
		return false;
	}

	RepositoryMethod inherited() {
		return this.inherited;
	}

	/**
	 * The ORM begins something that runs statements (a load, a flush).
	 * @param cause why
	 * @return the depth to end it at
	 */
	public int beginCause(OrmCause cause) {
		if (this.causeDepth == this.causes.length) {
			this.causes = Arrays.copyOf(this.causes, this.causeDepth * 2);
		}
		this.causes[this.causeDepth] = cause;
		return this.causeDepth++;
	}

	/**
	 * The ORM ended what it began at this depth (and anything it left open inside).
	 * @param depth what {@link #beginCause} returned
	 */
	public void endCause(int depth) {
		if (depth >= 0 && depth < this.causeDepth) {
			for (int i = depth; i < this.causeDepth; i++) {
				this.causes[i] = null;
			}
			this.causeDepth = depth;
		}
	}

	/**
	 * The ORM ended something it began with this cause: the innermost begin of this very
	 * cause ends, with anything left open inside it. Nothing happens when it is not open.
	 * @param cause the cause it began with
	 */
	public void endCause(OrmCause cause) {
		for (int i = this.causeDepth - 1; i >= 0; i--) {
			if (this.causes[i] == cause) {
				endCause(i);
				return;
			}
		}
	}

	/**
	 * The ORM ended something of this kind: the innermost cause of the kind ends, with
	 * anything left open inside it (a flush ends whichever entity it wrote last, its
	 * cause having been refined). Nothing happens when none is open.
	 * @param kind the kind it began with
	 */
	public void endCause(OrmCause.Kind kind) {
		for (int i = this.causeDepth - 1; i >= 0; i--) {
			if (this.causes[i].kind() == kind) {
				endCause(i);
				return;
			}
		}
	}

	/**
	 * Replace the innermost cause (a flush learns which entity it writes next).
	 * @param cause the cause
	 */
	public void refineCause(OrmCause cause) {
		if (this.causeDepth > 0) {
			this.causes[this.causeDepth - 1] = cause;
		}
	}

	/**
	 * Why the statement running now runs.
	 * @return the innermost ORM cause; otherwise a query inside a repository call, JDBC
	 * outside
	 */
	public OrmCause cause() {
		if (this.causeDepth > 0) {
			return this.causes[this.causeDepth - 1];
		}
		return (this.depth > 0 || this.inherited != RepositoryMethod.NONE) ? OrmCause.QUERY : OrmCause.JDBC;
	}

	/**
	 * The innermost cause the ORM began, if any.
	 * @return the cause or {@code null}
	 */
	public OrmCause ormCause() {
		return (this.causeDepth > 0) ? this.causes[this.causeDepth - 1] : null;
	}

	void inherited(RepositoryMethod method) {
		this.inherited = method;
	}

	/**
	 * A unit of work ended on this thread: no driver statement stays referenced.
	 */
	void unitEnded() {
		this.lastCaptured = null;
		if (this.depth == 0) {
			endCause(0);
		}
	}

	/**
	 * Forget everything: for the start of a request on a pooled thread that a bug left
	 * something open on.
	 * @return whether anything was left open
	 */
	boolean clear() {
		boolean leaked = unit() != null || this.depth > 0;
		this.unit = null;
		for (int i = 0; i < this.depth; i++) {
			this.methods[i] = null;
		}
		this.depth = 0;
		this.lastCaptured = null;
		this.inherited = RepositoryMethod.NONE;
		endCause(0);
		return leaked;
	}

	/**
	 * The page size asked of the innermost repository call, when it was given a page.
	 * @return the size, or 0 when not paged
	 */
	public int pageSize() {
		return (this.depth > 0) ? this.pageSizes[this.depth - 1] : 0;
	}

	void pageSize(int size) {
		if (this.depth > 0) {
			this.pageSizes[this.depth - 1] = size;
		}
	}

	public int depth() {
		return this.depth;
	}

	void push(RepositoryMethod method) {
		if (this.depth == this.methods.length) {
			int size = this.depth * 2;
			this.methods = Arrays.copyOf(this.methods, size);
			this.statements = Arrays.copyOf(this.statements, size);
			this.dbNanos = Arrays.copyOf(this.dbNanos, size);
			this.causeDepths = Arrays.copyOf(this.causeDepths, size);
			this.pageSizes = Arrays.copyOf(this.pageSizes, size);
		}
		this.pageSizes[this.depth] = 0;
		this.causeDepths[this.depth] = this.causeDepth;
		this.methods[this.depth] = method;
		this.statements[this.depth] = 0;
		this.dbNanos[this.depth] = 0;
		this.depth++;
	}

	/**
	 * Ends the innermost call; its statements also count for the call around it.
	 */
	RepositoryCall pop() {
		this.depth--;
		// Whatever the ORM marked inside the call and left open ends with it.
		endCause(this.causeDepths[this.depth]);
		RepositoryCall call = new RepositoryCall(this.methods[this.depth], this.statements[this.depth],
				this.dbNanos[this.depth]);
		this.methods[this.depth] = null;
		if (this.depth > 0) {
			this.statements[this.depth - 1] += call.statements();
			this.dbNanos[this.depth - 1] += call.dbNanos();
		}
		return call;
	}

}

package io.github.dbperf.connections;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.Borrows;
import org.jspecify.annotations.Nullable;

/**
 * One connection the application borrowed, from the pool's hand-out to its close: who
 * borrowed it, how long the pool made it wait, and its statements and transactions so
 * far. Its running figures are written by the one thread that uses the connection (as
 * JDBC connections are used); other threads read only what was fixed at the hand-out.
 */
public final class ConnectionBorrow implements Borrows.Borrow {

	private static final VarHandle RETURNED;

	static {
		try {
			RETURNED = MethodHandles.lookup().findVarHandle(ConnectionBorrow.class, "returnedNanos", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Connections owner;

	private final String dataSource;

	/** The threads waiting for a connection of its pool now. */
	private final AtomicInteger waiting;

	private final Thread thread;

	private final @Nullable UnitOfWork unit;

	private final RepositoryMethod repositoryMethod;

	private final long waitNanos;

	private final long acquiredNanos;

	private final @Nullable String site;

	private int statements;

	private long dbNanos;

	/** Whether auto-commit is known to be off: a transaction is in progress. */
	private boolean inTransaction;

	/** Whether the application ever set auto-commit: until then the pool's default. */
	private boolean autoCommitKnown;

	private long transactionStart;

	/** When the last statement of the transaction in progress ended (or it began). */
	private long lastEnd;

	/** The longest stretch of the transaction in progress with no statement running. */
	private long longestIdle;

	private long transactionDbNanos;

	private int transactionStatements;

	private int transactions;

	private long transactionNanos;

	private long idleNanos;

	private volatile boolean reportedStillOut;

	/** Its slot among the borrows out, -1 when untracked. */
	private int slot = -1;

	/**
	 * When it went back to the pool; 0 while it is out. Written once with release
	 * semantics, read with acquire: no full fence per borrow.
	 */
	private long returnedNanos;

	ConnectionBorrow(Connections owner, String dataSource, AtomicInteger waiting, Thread thread,
			@Nullable UnitOfWork unit, RepositoryMethod repositoryMethod, long waitNanos, long acquiredNanos,
			@Nullable String site) {
		this.owner = owner;
		this.dataSource = dataSource;
		this.waiting = waiting;
		this.thread = thread;
		this.unit = unit;
		this.repositoryMethod = repositoryMethod;
		this.waitNanos = waitNanos;
		this.acquiredNanos = acquiredNanos;
		this.site = site;
		this.transactionStart = acquiredNanos;
		this.lastEnd = acquiredNanos;
	}

	@Override
	public void executed(long startNanos, long endNanos) {
		this.statements++;
		this.dbNanos += endNanos - startNanos;
		long idle = startNanos - this.lastEnd;
		if (idle > this.longestIdle) {
			this.longestIdle = idle;
		}
		this.lastEnd = endNanos;
	}

	@Override
	public void autoCommit(boolean autoCommit) {
		boolean wasInTransaction = this.inTransaction;
		this.autoCommitKnown = true;
		this.inTransaction = !autoCommit;
		if (!autoCommit && !wasInTransaction) {
			begin(this.owner.nanoTime());
		}
		else if (autoCommit && wasInTransaction && this.statements > this.transactionStatements) {
			// Switching auto-commit on commits what ran since the transaction began.
			end(true);
		}
	}

	@Override
	public void ended(boolean committed) {
		if (this.autoCommitKnown && !this.inTransaction) {
			// A commit in auto-commit mode ends nothing.
			return;
		}
		end(committed);
	}

	@Override
	public void returned() {
		this.owner.returned(this);
	}

	private void end(boolean committed) {
		long now = this.owner.nanoTime();
		TransactionEnd transaction = new TransactionEnd(now - this.transactionStart,
				this.dbNanos - this.transactionDbNanos, this.statements - this.transactionStatements, committed,
				Math.max(this.longestIdle, now - this.lastEnd));
		this.transactions++;
		this.transactionNanos += transaction.nanos();
		this.idleNanos += transaction.idleNanos();
		// With auto-commit off, the next transaction begins now.
		begin(now);
		this.owner.transactionEnded(this, transaction);
	}

	private void begin(long now) {
		this.transactionStart = now;
		this.lastEnd = now;
		this.longestIdle = 0;
		this.transactionDbNanos = this.dbNanos;
		this.transactionStatements = this.statements;
	}

	/**
	 * The DataSource it came from.
	 * @return its bean name
	 */
	public String dataSource() {
		return this.dataSource;
	}

	/**
	 * The thread that borrowed it.
	 * @return the thread
	 */
	public Thread thread() {
		return this.thread;
	}

	/**
	 * The unit of work that borrowed it.
	 * @return the unit, or {@code null} outside any
	 */
	public @Nullable UnitOfWork unit() {
		return this.unit;
	}

	/**
	 * The entry point that borrowed it.
	 * @return its name, or the name of work outside any unit ({@code startup},
	 * {@code none})
	 */
	public String entrypoint() {
		return (this.unit != null) ? this.unit.entrypoint() : this.owner.outsideAnyUnit();
	}

	/**
	 * The outermost repository call in progress when it was borrowed.
	 * @return the method, or {@link RepositoryMethod#NONE}
	 */
	public RepositoryMethod repositoryMethod() {
		return this.repositoryMethod;
	}

	/**
	 * How long the pool made the application wait for it.
	 * @return nanoseconds
	 */
	public long waitNanos() {
		return this.waitNanos;
	}

	/**
	 * When the pool handed it out.
	 * @return {@code System.nanoTime()} then (or the test clock's)
	 */
	public long acquiredNanos() {
		return this.acquiredNanos;
	}

	/**
	 * How long it has been out.
	 * @param now {@code System.nanoTime()} (or the test clock's)
	 * @return nanoseconds
	 */
	public long heldNanos(long now) {
		return now - this.acquiredNanos;
	}

	/**
	 * The application line that borrowed it, taken only for entry points that leaked
	 * before.
	 * @return the frame, or {@code null}
	 */
	public @Nullable String site() {
		return this.site;
	}

	/**
	 * Statements run on it so far.
	 * @return the count
	 */
	public int statements() {
		return this.statements;
	}

	/**
	 * Database time of its statements so far.
	 * @return nanoseconds
	 */
	public long dbNanos() {
		return this.dbNanos;
	}

	/**
	 * Transactions ended on it so far.
	 * @return the count
	 */
	public int transactions() {
		return this.transactions;
	}

	/**
	 * Time its ended transactions held it.
	 * @return nanoseconds
	 */
	public long transactionNanos() {
		return this.transactionNanos;
	}

	/**
	 * Time its ended transactions held it with no statement running.
	 * @return nanoseconds
	 */
	public long idleInTransactionNanos() {
		return this.idleNanos;
	}

	/**
	 * The time it was held, up to now or to its return.
	 * @param now {@code System.nanoTime()} (or the test clock's)
	 * @return nanoseconds
	 */
	long heldUpTo(long now) {
		long returned = (long) RETURNED.getAcquire(this);
		return ((returned != 0) ? returned : now) - this.acquiredNanos;
	}

	/**
	 * Whether it was out at some time since a moment.
	 * @param since {@code System.nanoTime()} of that moment
	 * @return {@code true} when out now or returned after it
	 */
	boolean outSince(long since) {
		long returned = (long) RETURNED.getAcquire(this);
		return returned == 0 || returned - since >= 0;
	}

	boolean othersWaiting() {
		return this.waiting.get() > 0;
	}

	int slot() {
		return this.slot;
	}

	void slot(int slot) {
		this.slot = slot;
	}

	void returnedAt(long now) {
		RETURNED.setRelease(this, (now != 0) ? now : 1);
	}

	boolean markReportedStillOut() {
		if (this.reportedStillOut) {
			return false;
		}
		this.reportedStillOut = true;
		return true;
	}

}

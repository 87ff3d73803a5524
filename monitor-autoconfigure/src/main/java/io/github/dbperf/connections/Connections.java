package io.github.dbperf.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallContext;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.Borrows;
import io.github.dbperf.internal.DaemonThreads;
import io.github.dbperf.internal.InternalFailures;
import org.jspecify.annotations.Nullable;

/**
 * Follows every connection borrowed from this context's monitored DataSources: the
 * borrows out now (bounded by the pools' sizes), the threads waiting for one, and a watch
 * that tells when a connection stays out past {@code dbperf.connections.leak-threshold}.
 * Per borrow it costs two clock reads, one object and one set entry; nothing grows with
 * traffic.
 */
public final class Connections implements Function<String, Borrows>, AutoCloseable {

	/** Borrows kept after their return, to name who held the pool during a wait. */
	private static final int RECENTLY_RETURNED = 32;

	/** Entry points whose borrowing line is taken, once one of their borrows leaked. */
	private static final int MAX_WATCHED_ENTRYPOINTS = 16;

	private final UnitsOfWork units;

	private final CallSites callSites;

	private final InternalFailures failures;

	private final LongSupplier clock;

	private final long leakNanos;

	private final Map<String, PoolBorrows> pools = new ConcurrentHashMap<>();

	/** Slots for the borrows out now: far more than any pool's size. */
	private final OpenBorrows open = new OpenBorrows(1024);

	private final Set<String> watchedEntrypoints = ConcurrentHashMap.newKeySet();

	/** The latest borrows returned, so that a long wait can name who held the pool. */
	private final AtomicReferenceArray<ConnectionBorrow> returned = new AtomicReferenceArray<>(RECENTLY_RETURNED);

	private final AtomicInteger nextReturned = new AtomicInteger();

	private List<ConnectionListener> listeners = List.of();

	/** Listeners that come and go (a test's recording). */
	private final List<ConnectionListener> recorders = new ArrayList<>();

	/** The listeners and the recorders, read per borrow without a lock or an iterator. */
	private volatile ConnectionListener[] told = new ConnectionListener[0];

	private final Lock changes = new ReentrantLock();

	private final @Nullable ScheduledExecutorService watch;

	/**
	 * Follow connections, watching for leaks on a daemon thread.
	 * @param units the units of work of this context
	 * @param callSites finds the application line that borrowed a connection
	 * @param leakThreshold how long a connection may stay out before it is told as still
	 * out; zero for never
	 * @param failures where dbperf's own failures go
	 */
	public Connections(UnitsOfWork units, CallSites callSites, Duration leakThreshold, InternalFailures failures) {
		this(units, callSites, leakThreshold, failures, System::nanoTime, true);
	}

	/**
	 * Follow connections with a clock of one's own.
	 * @param units the units of work of this context
	 * @param callSites finds the application line that borrowed a connection
	 * @param leakThreshold how long a connection may stay out; zero for never
	 * @param failures where dbperf's own failures go
	 * @param clock nanoseconds, as {@code System.nanoTime()}
	 * @param watch whether a daemon thread looks for leaks (otherwise {@link #watch}
	 * does, when called)
	 */
	public Connections(UnitsOfWork units, CallSites callSites, Duration leakThreshold, InternalFailures failures,
			LongSupplier clock, boolean watch) {
		this.units = units;
		this.callSites = callSites;
		this.failures = failures;
		this.clock = clock;
		this.leakNanos = leakThreshold.toNanos();
		if (watch && this.leakNanos > 0) {
			// Often enough to tell a leak within a quarter of the threshold, at most once
			// a
			// second.
			long period = Math.max(Math.min(this.leakNanos / 4, TimeUnit.SECONDS.toNanos(1)),
					TimeUnit.MILLISECONDS.toNanos(50));
			this.watch = DaemonThreads.scheduler("dbperf-connections");
			this.watch.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.NANOSECONDS);
		}
		else {
			this.watch = null;
		}
	}

	/**
	 * Hand the listeners over, once every bean exists.
	 * @param listeners statistics, meters, findings
	 */
	public void listeners(List<ConnectionListener> listeners) {
		change(() -> this.listeners = List.copyOf(listeners));
	}

	/**
	 * Tell a recorder about borrows from now on, besides the listeners.
	 * @param recorder a test's recording
	 */
	public void addRecorder(ConnectionListener recorder) {
		change(() -> this.recorders.add(recorder));
	}

	/**
	 * Stop telling a recorder.
	 * @param recorder a recorder added before
	 */
	public void removeRecorder(ConnectionListener recorder) {
		change(() -> this.recorders.remove(recorder));
	}

	/**
	 * What follows the borrows of one DataSource.
	 * @param dataSource its bean name
	 * @return the borrows
	 */
	@Override
	public Borrows apply(String dataSource) {
		return this.pools.computeIfAbsent(dataSource, PoolBorrows::new);
	}

	/**
	 * The connections of a DataSource out now, longest held first.
	 * @param dataSource its bean name
	 * @return a snapshot
	 */
	public List<OpenConnection> open(String dataSource) {
		List<ConnectionBorrow> borrows = new ArrayList<>();
		this.open.forEach(borrows::add);
		return describe(borrows, dataSource, null, (borrow) -> true);
	}

	/**
	 * The connections of a DataSource that were out at some time since a moment: those
	 * out now and the latest returned after it (a bounded few), longest held first.
	 * @param dataSource its bean name
	 * @param except a borrow left out (the one asking)
	 * @param since {@code System.nanoTime()} of that moment (when a wait began)
	 * @return a snapshot, each held up to now or to its return
	 */
	public List<OpenConnection> outSince(String dataSource, ConnectionBorrow except, long since) {
		Set<ConnectionBorrow> borrows = new HashSet<>();
		this.open.forEach(borrows::add);
		for (int i = 0; i < RECENTLY_RETURNED; i++) {
			ConnectionBorrow borrow = this.returned.get(i);
			if (borrow != null) {
				borrows.add(borrow);
			}
		}
		return describe(borrows, dataSource, except, (borrow) -> borrow.outSince(since));
	}

	/**
	 * The borrows of a DataSource that pass a test, but one, as connections held up to
	 * now or to their return, longest held first.
	 */
	private List<OpenConnection> describe(Collection<ConnectionBorrow> borrows, String dataSource,
			@Nullable ConnectionBorrow except, Predicate<ConnectionBorrow> wanted) {
		long now = this.clock.getAsLong();
		List<OpenConnection> connections = new ArrayList<>();
		for (ConnectionBorrow borrow : borrows) {
			if (borrow != except && borrow.dataSource().equals(dataSource) && wanted.test(borrow)) {
				connections
					.add(new OpenConnection(borrow.entrypoint(), borrow.thread().getName(), borrow.heldUpTo(now)));
			}
		}
		connections.sort(Comparator.comparingLong(OpenConnection::heldNanos).reversed());
		return connections;
	}

	/**
	 * How many connections of a DataSource are out now.
	 * @param dataSource its bean name
	 * @return the count
	 */
	public int out(String dataSource) {
		int[] out = new int[1];
		this.open.forEach((borrow) -> {
			if (borrow.dataSource().equals(dataSource)) {
				out[0]++;
			}
		});
		return out[0];
	}

	/**
	 * The threads waiting for a connection of a DataSource now.
	 * @param dataSource its bean name
	 * @return how many
	 */
	public int waiting(String dataSource) {
		PoolBorrows pool = this.pools.get(dataSource);
		return (pool != null) ? pool.waiting.get() : 0;
	}

	/**
	 * Look for connections out past the leak threshold, telling each once.
	 */
	public void watch() {
		if (this.leakNanos <= 0) {
			return;
		}
		try {
			long now = this.clock.getAsLong();
			List<ConnectionBorrow> stillOut = new ArrayList<>();
			this.open.forEach((borrow) -> {
				if (borrow.heldNanos(now) >= this.leakNanos && borrow.markReportedStillOut()) {
					stillOut.add(borrow);
				}
			});
			for (ConnectionBorrow borrow : stillOut) {
				long held = borrow.heldNanos(now);
				if (borrow.unit() != null && this.watchedEntrypoints.size() < MAX_WATCHED_ENTRYPOINTS) {
					this.watchedEntrypoints.add(borrow.entrypoint());
				}
				for (ConnectionListener listener : this.told) {
					listener.stillOut(borrow, held);
				}
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.report("connections", ex);
		}
	}

	private void change(Runnable change) {
		this.changes.lock();
		try {
			change.run();
			List<ConnectionListener> all = new ArrayList<>(this.listeners);
			all.addAll(this.recorders);
			this.told = all.toArray(ConnectionListener[]::new);
		}
		finally {
			this.changes.unlock();
		}
	}

	long nanoTime() {
		return this.clock.getAsLong();
	}

	String outsideAnyUnit() {
		return this.units.outsideAnyUnit();
	}

	void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
		try {
			for (ConnectionListener listener : this.told) {
				listener.transactionEnded(borrow, transaction);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.report("connections", ex);
		}
	}

	void returned(ConnectionBorrow borrow) {
		try {
			long now = this.clock.getAsLong();
			long held = borrow.heldNanos(now);
			borrow.returnedAt(now);
			this.open.remove(borrow.slot(), borrow);
			// Only a borrow returned while a thread waits can have held the pool during a
			// wait.
			if (borrow.othersWaiting()) {
				this.returned.set(Math.floorMod(this.nextReturned.getAndIncrement(), RECENTLY_RETURNED), borrow);
			}
			for (ConnectionListener listener : this.told) {
				listener.returned(borrow, held);
			}
		}
		catch (RuntimeException | LinkageError ex) {
			this.failures.report("connections", ex);
		}
	}

	@Override
	public void close() {
		if (this.watch != null) {
			this.watch.shutdownNow();
		}
	}

	/**
	 * The borrows of one DataSource.
	 */
	private final class PoolBorrows implements Borrows {

		private final String dataSource;

		private final AtomicInteger waiting = new AtomicInteger();

		PoolBorrows(String dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public long requesting() {
			this.waiting.incrementAndGet();
			return Connections.this.clock.getAsLong();
		}

		@Override
		public Borrow acquired(long requestedNanos) {
			try {
				long now = Connections.this.clock.getAsLong();
				CallContext context = Attribution.current();
				UnitOfWork unit = context.unit();
				String site = null;
				if (unit != null && !Connections.this.watchedEntrypoints.isEmpty()
						&& Connections.this.watchedEntrypoints.contains(unit.entrypoint())) {
					site = Connections.this.callSites.current();
				}
				ConnectionBorrow borrow = new ConnectionBorrow(Connections.this, this.dataSource, this.waiting,
						Thread.currentThread(), unit, context.outermost(), now - requestedNanos, now, site);
				borrow.slot(Connections.this.open.add(borrow));
				for (ConnectionListener listener : Connections.this.told) {
					listener.acquired(borrow);
				}
				return borrow;
			}
			catch (RuntimeException | LinkageError ex) {
				Connections.this.failures.report("connections", ex);
				return Borrow.NONE;
			}
			finally {
				// Only once the listeners have seen this borrow (a long wait names who
				// held
				// the pool): a borrow returned until then still finds a thread waiting,
				// and
				// is kept for the waiter to see.
				this.waiting.decrementAndGet();
			}
		}

		@Override
		public void failed(long requestedNanos) {
			this.waiting.decrementAndGet();
		}

	}

}

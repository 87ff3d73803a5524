package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.connections.ConnectionBorrow;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.RecentEntries;

/**
 * Per DataSource and entry point: connections borrowed, units of work that borrowed, the
 * pool's wait, the time held and the part of it idle in transactions, since start and a
 * minute at a time. Bounded like the entry points: rarely used pairs make room.
 */
public final class ConnectionStatistics implements ConnectionListener, MinuteListener {

	/** Entry points kept per DataSource. */
	static final int MAX_ENTRIES = 1000;

	private static final int BORROWS = 0;

	private static final int UNITS = 1;

	private static final int IDLE_MILLIS = 2;

	private static final int WAIT_MILLIS = 3;

	private static final int HELD = 0;

	private static final int WAIT = 1;

	/** Per DataSource (a few beans): its entry points. */
	private final Map<String, Pool> pools = new ConcurrentHashMap<>();

	private volatile long minute = MinuteTicker.currentMinute();

	@Override
	public void returned(ConnectionBorrow borrow, long heldNanos) {
		Pool pool = this.pools.get(borrow.dataSource());
		if (pool == null) {
			pool = this.pools.computeIfAbsent(borrow.dataSource(), (name) -> new Pool());
		}
		Entry entry = pool.entry(borrow.entrypoint(), this.minute);
		boolean newUnit = false;
		UnitOfWork unit = borrow.unit();
		// A unit's attachments belong to its thread: a borrow returned elsewhere is not
		// counted as a unit.
		if (unit != null && !unit.isClosed() && borrow.thread() == Thread.currentThread()
				&& unit.attachment(entry) == null) {
			unit.attachment(entry, () -> Boolean.TRUE);
			newUnit = true;
		}
		entry.add(borrow.waitNanos(), heldNanos, borrow.idleInTransactionNanos(), newUnit);
	}

	@Override
	public void minuteEnded(long now) {
		this.minute = now;
		this.pools.values()
			.forEach((pool) -> pool.entries.values().forEach((entry) -> entry.minutes.close(now, entry)));
	}

	/**
	 * Every DataSource and entry point that borrowed in a window, the longest held first.
	 * @param window the span
	 * @return one snapshot each
	 */
	public List<ConnectionSnapshot> snapshot(Window window) {
		return this.pools.entrySet()
			.stream()
			.flatMap((pool) -> pool.getValue().entries.entrySet()
				.stream()
				.map((entry) -> entry.getValue().snapshot(pool.getKey(), entry.getKey(), window)))
			.filter((snapshot) -> snapshot.borrows() > 0)
			.sorted(Comparator.comparing(ConnectionSnapshot::dataSource)
				.thenComparing(Comparator.comparingDouble(ConnectionSnapshot::heldMillis).reversed())
				.thenComparing(ConnectionSnapshot::entrypoint))
			.toList();
	}

	/**
	 * A DataSource's pool a minute at a time: the connections out on average and the
	 * threads waiting on average, from the time each borrow held and waited.
	 * @param dataSource its bean name
	 * @param window the span
	 * @param now the time now, for the part of the minute in progress
	 * @return one point a minute, oldest first
	 */
	public List<PoolMinute> poolMinutes(String dataSource, Window window, Instant now) {
		int minutes = window.points();
		long[] held = new long[minutes + 1];
		long[] waited = new long[minutes + 1];
		long[] borrows = new long[minutes + 1];
		long[] starts = new long[minutes + 1];
		Pool pool = this.pools.get(dataSource);
		Map<String, Entry> entries = (pool != null) ? pool.entries : Map.of();
		entries.forEach((entrypoint, entry) -> {
			List<RollingMinutes.Totals> points = entry.minutes.perMinute(minutes, entry);
			for (int i = 0; i < points.size() && i < held.length; i++) {
				RollingMinutes.Totals point = points.get(i);
				held[i] += point.nanos / 1_000_000;
				waited[i] += point.counter(WAIT_MILLIS);
				borrows[i] += point.counter(BORROWS);
				starts[i] = point.minute;
			}
		});
		long current = this.minute;
		List<PoolMinute> points = new ArrayList<>(held.length);
		for (int i = 0; i < held.length; i++) {
			long start = current - (held.length - 1 - i);
			long length = (start == current) ? Math.max(1, now.toEpochMilli() - start * 60_000) : 60_000;
			points.add(new PoolMinute(Instant.ofEpochSecond(start * 60), borrows[i], round((double) held[i] / length),
					round((double) waited[i] / length)));
		}
		return points;
	}

	public void reset() {
		this.pools.values().forEach(Pool::reset);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * The entry points of one DataSource, bounded: rarely used ones make room.
	 */
	private static final class Pool {

		private final Cache<String, Entry> cache = BoundedCaches.ofSizeTellingEvicted(MAX_ENTRIES,
				(Entry evicted) -> evicted.evicted = true);

		private final Map<String, Entry> entries = this.cache.asMap();

		/** Most borrows find their entry point here without a lookup in the cache. */
		private final RecentEntries<Entry> recent = new RecentEntries<>(64, this.cache, (entry) -> !entry.evicted);

		Entry entry(String entrypoint, long minute) {
			Entry entry = this.recent.get(entrypoint);
			if (entry == null) {
				entry = this.cache.get(entrypoint, (name) -> new Entry(minute));
				this.recent.put(entrypoint, entry);
			}
			return entry;
		}

		void reset() {
			this.recent.clear();
			this.cache.invalidateAll();
		}

	}

	private static final class Entry implements RollingMinutes.Series {

		private volatile boolean evicted;

		private final LongAdder units = new LongAdder();

		private final LongAdder heldNanos = new LongAdder();

		private final LongAdder idleNanos = new LongAdder();

		private final LongAdder waitNanos = new LongAdder();

		private final AtomicLong maxHeld = new AtomicLong();

		private final AtomicLong maxWait = new AtomicLong();

		private final AtomicLong minuteMaxHeld = new AtomicLong();

		private final LatencyHistogram held = new LatencyHistogram();

		private final LatencyHistogram wait = new LatencyHistogram();

		final RollingMinutes minutes;

		Entry(long minute) {
			this.minutes = new RollingMinutes(4, 2, minute);
		}

		void add(long waitNanos, long heldNanos, long idleNanos, boolean newUnit) {
			if (newUnit) {
				this.units.increment();
			}
			this.heldNanos.add(heldNanos);
			if (idleNanos > 0) {
				this.idleNanos.add(idleNanos);
			}
			this.waitNanos.add(waitNanos);
			this.held.record(heldNanos);
			this.wait.record(waitNanos);
			if (heldNanos > this.maxHeld.get()) {
				this.maxHeld.accumulateAndGet(heldNanos, Math::max);
			}
			if (heldNanos > this.minuteMaxHeld.get()) {
				this.minuteMaxHeld.accumulateAndGet(heldNanos, Math::max);
			}
			if (waitNanos > this.maxWait.get()) {
				this.maxWait.accumulateAndGet(waitNanos, Math::max);
			}
		}

		ConnectionSnapshot snapshot(String dataSource, String entrypoint, Window window) {
			RollingMinutes.Totals totals;
			long maxWait;
			if (window == Window.ALL) {
				totals = new RollingMinutes.Totals(4, 2);
				for (int i = 0; i < 4; i++) {
					totals.counters[i] = counter(i);
				}
				totals.nanos = nanos();
				totals.max = this.maxHeld.get();
				for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
					totals.buckets[HELD][i] = this.held.count(i);
					totals.buckets[WAIT][i] = this.wait.count(i);
				}
				maxWait = this.maxWait.get();
			}
			else {
				totals = this.minutes.totals(window.minutes(), 0, this);
				// Within a window the longest wait is known to its histogram's bucket.
				maxWait = totals.percentile(WAIT, 100);
			}
			long borrows = totals.counter(BORROWS);
			long units = totals.counter(UNITS);
			double heldMillis = StatementSnapshot.millis(totals.nanos);
			double idleMillis = totals.counter(IDLE_MILLIS);
			return new ConnectionSnapshot(dataSource, entrypoint, borrows, units,
					(units > 0) ? round((double) borrows / units) : 0,
					StatementSnapshot.millis(totals.percentile(WAIT, 95)), StatementSnapshot.millis(maxWait),
					totals.counter(WAIT_MILLIS), StatementSnapshot.millis(totals.percentile(HELD, 95)),
					StatementSnapshot.millis(totals.max), heldMillis, idleMillis,
					(heldMillis > 0) ? Math.round(Math.min(1.0, idleMillis / heldMillis) * 1000) / 10.0 : 0);
		}

		@Override
		public long counter(int index) {
			return switch (index) {
				case BORROWS -> borrows();
				case UNITS -> this.units.sum();
				case IDLE_MILLIS -> this.idleNanos.sum() / 1_000_000;
				default -> this.waitNanos.sum() / 1_000_000;
			};
		}

		@Override
		public long nanos() {
			return this.heldNanos.sum();
		}

		/** Every borrow is in the histogram of the time held: no counter of its own. */
		private long borrows() {
			long borrows = 0;
			for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
				borrows += this.held.count(i);
			}
			return borrows;
		}

		@Override
		public LatencyHistogram histogram(int index) {
			return (index == HELD) ? this.held : this.wait;
		}

		@Override
		public long minuteMax() {
			return this.minuteMaxHeld.get();
		}

		@Override
		public long takeMinuteMax() {
			return this.minuteMaxHeld.getAndSet(0);
		}

	}

}

package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.RecentEntries;

/**
 * pg_stat_statements inside the application: totals per fingerprint, bounded. When full,
 * rarely used entries make room (Caffeine's frequency-based eviction, upkeep amortised on
 * the writing thread, no sorting) and are counted, so the store never grows past its
 * capacity however many distinct statements arrive.
 */
public final class StatementStatistics implements OwnSink, MinuteListener {

	private final int capacity;

	private final LongAdder evictions = new LongAdder();

	private final Cache<String, StatementEntry> cache;

	private final ConcurrentMap<String, StatementEntry> entries;

	private volatile Instant since = Instant.now();

	private volatile long minute = MinuteTicker.currentMinute();

	/**
	 * Statements before the application was ready: kept apart from what units of work
	 * ran.
	 */
	private volatile CallTotals startup = new CallTotals(0, this.minute);

	/** Statements after it on threads no request, task or scope owned. */
	private volatile CallTotals background = new CallTotals(0, this.minute);

	/** Most statements find their entry here without a lookup in the cache. */
	private final RecentEntries<StatementEntry> recent;

	public StatementStatistics(int capacity) {
		this.capacity = capacity;
		this.cache = BoundedCaches.<String, StatementEntry>ofSizeTellingEvicted(capacity, (StatementEntry evicted) -> {
			evicted.evicted();
			this.evictions.increment();
		});
		this.entries = this.cache.asMap();
		this.recent = new RecentEntries<>(256, this.cache, (entry) -> !entry.isEvicted());
	}

	@Override
	public void accept(StatementEvent event) {
		String id = event.fingerprint().id();
		StatementEntry entry = this.recent.get(id);
		if (entry == null) {
			entry = this.entries.computeIfAbsent(id,
					(key) -> new StatementEntry(event.fingerprint(), event.timestamp(), this.minute));
			this.recent.put(id, entry);
		}
		entry.record(event);
		// The entry points outside a unit of work are these two constants (UnitsOfWork).
		String entrypoint = event.entrypoint();
		if (entrypoint == UnitOfWork.STARTUP) {
			this.startup.add(1, event.elapsedNanos());
		}
		else if (entrypoint == UnitOfWork.NONE) {
			this.background.add(1, event.elapsedNanos());
		}
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		if (rows > 0) {
			StatementEntry entry = this.recent.get(event.fingerprint().id());
			if (entry != null) {
				entry.rowsRead(rows);
			}
		}
	}

	@Override
	public void minuteEnded(long now) {
		this.minute = now;
		this.entries.values().forEach((entry) -> entry.minuteEnded(now));
		this.startup.minutes.close(now, this.startup);
		this.background.minutes.close(now, this.background);
	}

	/**
	 * The top statements since start, startup's included.
	 * @param order how to rank them
	 * @param limit how many at most
	 * @return snapshots, best first
	 */
	public List<StatementSnapshot> top(StatementOrder order, int limit) {
		return top(order, limit, Window.ALL, true, false);
	}

	/**
	 * The top statements over a window.
	 * @param order how to rank them
	 * @param limit how many at most
	 * @param window the span
	 * @param includeStartup whether statements run only before the application was ready
	 * count
	 * @return snapshots with calls in the window and one point a minute, best first
	 */
	public List<StatementSnapshot> top(StatementOrder order, int limit, Window window, boolean includeStartup) {
		return top(order, limit, window, includeStartup, true);
	}

	private List<StatementSnapshot> top(StatementOrder order, int limit, Window window, boolean includeStartup,
			boolean minutes) {
		Comparator<StatementSnapshot> comparator = order.comparator();
		return this.entries.values()
			.stream()
			.filter((entry) -> includeStartup || !entry.startupOnly())
			.map((entry) -> Map.entry(entry, entry.snapshot(window)))
			.filter((ranked) -> ranked.getValue().calls() > 0)
			.sorted((a, b) -> comparator.compare(a.getValue(), b.getValue()))
			.limit(limit)
			.map((ranked) -> minutes ? ranked.getKey().withMinutes(ranked.getValue(), window) : ranked.getValue())
			.toList();
	}

	/**
	 * The statements run only before the application was ready, most time first.
	 * @param limit how many at most
	 * @return snapshots since start
	 */
	public List<StatementSnapshot> startup(int limit) {
		return this.entries.values()
			.stream()
			.filter(StatementEntry::startupOnly)
			.map(StatementEntry::snapshot)
			.sorted(StatementOrder.TOTAL.comparator())
			.limit(limit)
			.toList();
	}

	/**
	 * The statements one entry point ran, most of its time first.
	 * @param entrypoint the entry point
	 * @param limit how many at most
	 * @return its share of each, since start
	 */
	public List<EntryPointStatement> ranBy(String entrypoint, int limit) {
		return this.entries.values().stream().map((entry) -> {
			EntryPointShare share = entry.shareOf(entrypoint);
			return (share != null) ? new EntryPointStatement(entry.fingerprint().id(), entry.fingerprint().sql(),
					share.calls(), StatementSnapshot.millis(share.nanos())) : null;
		})
			.filter(Objects::nonNull)
			.sorted(Comparator.comparingDouble(EntryPointStatement::totalMillis)
				.reversed()
				.thenComparing(EntryPointStatement::id))
			.limit(limit)
			.toList();
	}

	/**
	 * Database time of every statement over a window.
	 * @param window the span
	 * @return the time in nanoseconds
	 */
	public long totalNanos(Window window) {
		long total = 0;
		for (StatementEntry entry : this.entries.values()) {
			total += (window == Window.ALL) ? entry.nanos() : entry.window(window.minutes(), 0).nanos;
		}
		return total;
	}

	/**
	 * What every statement added up to over a window.
	 * @param window the span
	 * @return statements, errors and database time, and the part of it outside any unit
	 * of work
	 */
	public StatementTotals totals(Window window) {
		long statements = 0;
		long errors = 0;
		long nanos = 0;
		for (StatementEntry entry : this.entries.values()) {
			if (window == Window.ALL) {
				statements += entry.counter(0);
				errors += entry.counter(1);
				nanos += entry.nanos();
			}
			else {
				RollingMinutes.Totals totals = entry.window(window.minutes(), 0);
				statements += totals.counter(0);
				errors += totals.counter(1);
				nanos += totals.nanos;
			}
		}
		return new StatementTotals(statements, errors, nanos, nanosOf(this.startup, window),
				nanosOf(this.background, window));
	}

	private static long nanosOf(CallTotals totals, Window window) {
		return (window == Window.ALL) ? totals.nanos() : totals.minutes.totals(window.minutes(), 0, totals).nanos;
	}

	/**
	 * Compare each statement's recent minutes with the ones before.
	 * @param recent whole minutes ending with the last one
	 * @param visitor told each statement's figures
	 */
	public void compare(int recent, WindowComparison visitor) {
		for (StatementEntry entry : this.entries.values()) {
			RollingMinutes.Totals now = entry.window(recent, 1);
			if (now.counter(0) == 0) {
				continue;
			}
			RollingMinutes.Totals before = entry.window(RollingMinutes.SLOTS, recent + 1);
			visitor.compared(entry.snapshot(), now.counter(0), now.percentile(0, 95), before.counter(0),
					before.percentile(0, 95));
		}
	}

	/**
	 * One statement since start, without minutes.
	 * @param id the fingerprint id
	 * @return its snapshot or {@code null} when not tracked
	 */
	public StatementSnapshot get(String id) {
		StatementEntry entry = this.entries.get(id);
		return (entry != null) ? entry.snapshot() : null;
	}

	/**
	 * One statement over a window, with one point a minute.
	 * @param id the fingerprint id
	 * @param window the span
	 * @return its snapshot or {@code null} when not tracked
	 */
	public StatementSnapshot get(String id, Window window) {
		StatementEntry entry = this.entries.get(id);
		return (entry != null) ? entry.withMinutes(entry.snapshot(window), window) : null;
	}

	/**
	 * One statement's database time over a window.
	 * @param id the fingerprint id
	 * @param window the span
	 * @return nanoseconds, 0 when not tracked
	 */
	public long nanos(String id, Window window) {
		StatementEntry entry = this.entries.get(id);
		if (entry == null) {
			return 0;
		}
		return (window == Window.ALL) ? entry.nanos() : entry.window(window.minutes(), 0).nanos;
	}

	/**
	 * The fingerprints tracked.
	 * @return a copy
	 */
	public List<SqlFingerprint> fingerprints() {
		return this.entries.values().stream().map(StatementEntry::fingerprint).toList();
	}

	/**
	 * One tracked fingerprint.
	 * @param id its id
	 * @return the fingerprint or {@code null}
	 */
	public SqlFingerprint fingerprint(String id) {
		StatementEntry entry = this.entries.get(id);
		return (entry != null) ? entry.fingerprint() : null;
	}

	/**
	 * Total time of every tracked statement since it was first seen.
	 * @return nanoseconds by fingerprint id
	 */
	public Map<String, Long> totalNanosById() {
		Map<String, Long> totals = new java.util.HashMap<>(this.entries.size() * 2);
		this.entries.forEach((id, entry) -> totals.put(id, entry.nanos()));
		return totals;
	}

	public int tracked() {
		this.cache.cleanUp();
		return (int) this.cache.estimatedSize();
	}

	public int capacity() {
		return this.capacity;
	}

	/**
	 * Entries evicted since the application started (not reset by {@link #reset()}, so
	 * the counter meter stays monotonic).
	 * @return the count
	 */
	public long evictions() {
		return this.evictions.sum();
	}

	public Instant since() {
		return this.since;
	}

	/**
	 * Forget everything.
	 */
	public void reset() {
		this.recent.clear();
		this.cache.invalidateAll();
		this.startup = new CallTotals(0, this.minute);
		this.background = new CallTotals(0, this.minute);
		this.since = Instant.now();
	}

}

package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.BoundedCaches;

import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.CallerThreadSink;

/**
 * pg_stat_statements inside the application: totals per fingerprint, bounded. When full,
 * rarely used entries make room (Caffeine's frequency-based eviction, upkeep amortised on
 * the writing thread, no sorting) and are counted, so the store never grows past its
 * capacity however many distinct statements arrive.
 */
public final class StatementStatistics implements CallerThreadSink {

	private final int capacity;

	private final LongAdder evictions = new LongAdder();

	private final Cache<String, StatementEntry> cache;

	private final ConcurrentMap<String, StatementEntry> entries;

	private volatile Instant since = Instant.now();

	public StatementStatistics(int capacity) {
		this.capacity = capacity;
		this.cache = BoundedCaches.ofSize(capacity, this.evictions::increment);
		this.entries = this.cache.asMap();
	}

	@Override
	public void accept(StatementEvent event) {
		StatementEntry entry = this.cache.getIfPresent(event.fingerprint().id());
		if (entry == null) {
			entry = this.entries.computeIfAbsent(event.fingerprint().id(),
					(id) -> new StatementEntry(event.fingerprint(), event.timestamp()));
		}
		entry.record(event);
	}

	@Override
	public void rowsRead(StatementEvent event, long rows) {
		StatementEntry entry = this.cache.getIfPresent(event.fingerprint().id());
		if (entry != null && rows > 0) {
			entry.rowsRead(rows);
		}
	}

	/**
	 * The top statements.
	 * @param order how to rank them
	 * @param limit how many at most
	 * @return snapshots, best first
	 */
	public List<StatementSnapshot> top(StatementOrder order, int limit) {
		return this.entries.values()
			.stream()
			.map(StatementEntry::snapshot)
			.sorted(order.comparator())
			.limit(limit)
			.toList();
	}

	/**
	 * One statement.
	 * @param id the fingerprint id
	 * @return its snapshot or {@code null} when not tracked
	 */
	public StatementSnapshot get(String id) {
		StatementEntry entry = this.entries.get(id);
		return (entry != null) ? entry.snapshot() : null;
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
		this.cache.invalidateAll();
		this.since = Instant.now();
	}

}

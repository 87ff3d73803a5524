package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.CallerThreadSink;

/**
 * pg_stat_statements inside the application: totals per fingerprint, bounded. When full,
 * the least-used 5% of entries are evicted and counted, so the store never grows past its
 * capacity however many distinct statements arrive.
 */
public final class StatementStatistics implements CallerThreadSink {

	private final int capacity;

	private final ConcurrentHashMap<String, StatementEntry> entries;

	private final ReentrantLock evictionLock = new ReentrantLock();

	private final LongAdder evictions = new LongAdder();

	private volatile Instant since = Instant.now();

	public StatementStatistics(int capacity) {
		this.capacity = capacity;
		this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1024));
	}

	@Override
	public void accept(StatementEvent event) {
		String id = event.fingerprint().id();
		StatementEntry entry = this.entries.get(id);
		if (entry == null) {
			entry = add(event);
		}
		entry.record(event);
	}

	private StatementEntry add(StatementEvent event) {
		if (this.entries.size() >= this.capacity) {
			evictLeastUsed();
		}
		return this.entries.computeIfAbsent(event.fingerprint().id(),
				(id) -> new StatementEntry(event.fingerprint(), event.timestamp()));
	}

	private void evictLeastUsed() {
		this.evictionLock.lock();
		try {
			int excess = this.entries.size() - this.capacity + 1;
			if (excess <= 0) {
				return;
			}
			int count = Math.max(excess, this.capacity / 20);
			List<StatementEntry> candidates = new ArrayList<>(this.entries.values());
			candidates.sort(Comparator.comparingLong(StatementEntry::calls));
			for (int i = 0; i < count && i < candidates.size(); i++) {
				if (this.entries.remove(candidates.get(i).fingerprint().id(), candidates.get(i))) {
					this.evictions.increment();
				}
			}
		}
		finally {
			this.evictionLock.unlock();
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
		return this.entries.size();
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
		this.entries.clear();
		this.since = Instant.now();
	}

}

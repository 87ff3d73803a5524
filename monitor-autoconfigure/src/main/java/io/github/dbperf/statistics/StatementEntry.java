package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;

/**
 * The running totals of one fingerprint. Updated lock-free by many threads; read through
 * {@link #snapshot()}.
 */
final class StatementEntry {

	private static final int MAX_REPOSITORIES = 16;

	private static final int MAX_DATASOURCES = 8;

	private final SqlFingerprint fingerprint;

	private final long firstSeen;

	private volatile long lastSeen;

	private final LongAdder calls = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final LongAdder rows = new LongAdder();

	private final LongAdder totalNanos = new LongAdder();

	private final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong maxNanos = new AtomicLong();

	private final LatencyHistogram histogram = new LatencyHistogram();

	private final Set<String> dataSources = ConcurrentHashMap.newKeySet(2);

	private final Set<RepositoryMethod> repositories = ConcurrentHashMap.newKeySet(2);

	StatementEntry(SqlFingerprint fingerprint, long firstSeen) {
		this.fingerprint = fingerprint;
		this.firstSeen = firstSeen;
		this.lastSeen = firstSeen;
	}

	void rowsRead(long rows) {
		this.rows.add(rows);
	}

	void record(StatementEvent event) {
		long nanos = event.elapsedNanos();
		this.calls.increment();
		if (!event.isSuccess()) {
			this.errors.increment();
		}
		if (event.rows() > 0) {
			this.rows.add(event.rows());
		}
		this.totalNanos.add(nanos);
		if (nanos < this.minNanos.get()) {
			this.minNanos.accumulateAndGet(nanos, Math::min);
		}
		if (nanos > this.maxNanos.get()) {
			this.maxNanos.accumulateAndGet(nanos, Math::max);
		}
		this.histogram.record(nanos);
		this.lastSeen = event.timestamp();
		addBounded(this.dataSources, event.dataSource(), MAX_DATASOURCES);
		if (event.repositoryMethod() != RepositoryMethod.NONE) {
			// The method itself is kept (no string built per statement); named at snapshot time.
			addBounded(this.repositories, event.repositoryMethod(), MAX_REPOSITORIES);
		}
	}

	private static <T> void addBounded(Set<T> set, T value, int max) {
		if (!set.contains(value) && set.size() < max) {
			set.add(value);
		}
	}

	long calls() {
		return this.calls.sum();
	}

	SqlFingerprint fingerprint() {
		return this.fingerprint;
	}

	StatementSnapshot snapshot() {
		long calls = this.calls.sum();
		long total = this.totalNanos.sum();
		long min = this.minNanos.get();
		return new StatementSnapshot(this.fingerprint.id(), this.fingerprint.sql(),
				this.fingerprint.operation().tagValue(), List.copyOf(this.dataSources), calls, this.errors.sum(),
				this.rows.sum(), millis(total), (calls > 0) ? millis(total / calls) : 0,
				(min == Long.MAX_VALUE) ? 0 : millis(min), millis(this.maxNanos.get()),
				millis(percentile(95, min)), millis(percentile(99, min)), Instant.ofEpochMilli(this.firstSeen),
				Instant.ofEpochMilli(this.lastSeen),
				this.repositories.stream().map(RepositoryMethod::qualifiedName).sorted().toList());
	}

	/** A bucket estimate, but never outside what was really seen. */
	private long percentile(double percentile, long min) {
		long estimate = Math.min(this.histogram.percentile(percentile), this.maxNanos.get());
		return (min == Long.MAX_VALUE) ? estimate : Math.max(estimate, min);
	}

	static double millis(long nanos) {
		return Math.round(nanos / 1000.0) / 1000.0;
	}

}

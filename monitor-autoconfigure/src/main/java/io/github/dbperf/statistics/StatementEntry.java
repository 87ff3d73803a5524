package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;

import static io.github.dbperf.statistics.StatementSnapshot.millis;

/**
 * The running totals of one fingerprint. Updated lock-free by many threads; read through
 * {@link #snapshot()}.
 */
final class StatementEntry implements RollingMinutes.Series {

	private static final int MAX_REPOSITORIES = 16;

	private static final int MAX_ENTRYPOINTS = 16;

	private static final EntryPointShare[] NO_SHARES = new EntryPointShare[0];

	private static final int MAX_DATASOURCES = 8;

	private final SqlFingerprint fingerprint;

	private final long firstSeen;

	/** Written plainly by every statement: a reader may see one a moment old. */
	private long lastSeen;

	private String lastDataSource;

	private RepositoryMethod lastRepository;

	private final LongAdder calls = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final LongAdder rows = new LongAdder();

	private final LongAdder totalNanos = new LongAdder();

	private final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong maxNanos = new AtomicLong();

	private final LatencyHistogram histogram = new LatencyHistogram();

	private final Set<String> dataSources = ConcurrentHashMap.newKeySet(2);

	private final Set<RepositoryMethod> repositories = ConcurrentHashMap.newKeySet(2);

	private final AtomicLong minuteMaxNanos = new AtomicLong();

	private final RollingMinutes minutes;

	/** Copied on write, at most {@value #MAX_ENTRYPOINTS}. */
	private volatile EntryPointShare[] shares = NO_SHARES;

	private volatile boolean evicted;

	/** The share the latest statement went to: the next one usually goes there too. */
	private EntryPointShare lastShare;

	StatementEntry(SqlFingerprint fingerprint, long firstSeen, long minute) {
		this.fingerprint = fingerprint;
		this.firstSeen = firstSeen;
		this.lastSeen = firstSeen;
		this.minutes = new RollingMinutes(3, 1, minute);
	}

	void evicted() {
		this.evicted = true;
	}

	boolean isEvicted() {
		return this.evicted;
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
		if (nanos > this.minuteMaxNanos.get()) {
			this.minuteMaxNanos.accumulateAndGet(nanos, Math::max);
		}
		EntryPointShare share = this.lastShare;
		if (share == null || share.entrypoint != event.entrypoint()) {
			share = share(event.entrypoint());
		}
		if (share != null) {
			share.add(nanos);
		}
		this.histogram.record(nanos);
		this.lastSeen = event.timestamp();
		// Sets are looked at only when the DataSource or the method differs from the
		// previous statement's.
		String dataSource = event.dataSource();
		if (dataSource != this.lastDataSource) {
			addBounded(this.dataSources, dataSource, MAX_DATASOURCES);
			this.lastDataSource = dataSource;
		}
		RepositoryMethod method = event.repositoryMethod();
		if (method != RepositoryMethod.NONE && method != this.lastRepository) {
			// The method itself is kept (no string built per statement); named at
			// snapshot time.
			addBounded(this.repositories, method, MAX_REPOSITORIES);
			this.lastRepository = method;
		}
	}

	private EntryPointShare share(String entrypoint) {
		for (EntryPointShare share : this.shares) {
			if (share.entrypoint.equals(entrypoint)) {
				this.lastShare = share;
				return share;
			}
		}
		synchronized (this) {
			EntryPointShare[] shares = this.shares;
			for (EntryPointShare share : shares) {
				if (share.entrypoint.equals(entrypoint)) {
					return share;
				}
			}
			if (shares.length == MAX_ENTRYPOINTS) {
				return null;
			}
			EntryPointShare share = new EntryPointShare(entrypoint);
			EntryPointShare[] grown = Arrays.copyOf(shares, shares.length + 1);
			grown[shares.length] = share;
			this.shares = grown;
			this.lastShare = share;
			return share;
		}
	}

	/**
	 * What one entry point ran of this statement.
	 * @param entrypoint the entry point
	 * @return its share, or {@code null} when it never ran it (or came after the first
	 * 16)
	 */
	EntryPointShare shareOf(String entrypoint) {
		for (EntryPointShare share : this.shares) {
			if (share.entrypoint.equals(entrypoint)) {
				return share;
			}
		}
		return null;
	}

	/**
	 * Whether every execution so far ran before the application was ready.
	 * @return {@code true} for statements of startup only
	 */
	boolean startupOnly() {
		EntryPointShare[] shares = this.shares;
		return shares.length == 1 && shares[0].entrypoint.equals(UnitOfWork.STARTUP);
	}

	void minuteEnded(long now) {
		this.minutes.close(now, this);
	}

	RollingMinutes.Totals window(int from, int to) {
		return this.minutes.totals(from, to, this);
	}

	@Override
	public long counter(int index) {
		return switch (index) {
			case 0 -> this.calls.sum();
			case 1 -> this.errors.sum();
			default -> this.rows.sum();
		};
	}

	@Override
	public long nanos() {
		return this.totalNanos.sum();
	}

	@Override
	public LatencyHistogram histogram(int index) {
		return this.histogram;
	}

	@Override
	public long minuteMax() {
		return this.minuteMaxNanos.get();
	}

	@Override
	public long takeMinuteMax() {
		return this.minuteMaxNanos.getAndSet(0);
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
		return snapshot(Window.ALL);
	}

	/**
	 * Its figures over a window, without minutes.
	 */
	StatementSnapshot snapshot(Window window) {
		long min = this.minNanos.get();
		long calls;
		long errors;
		long rows;
		long total;
		long max;
		long p95;
		long p99;
		if (window == Window.ALL) {
			calls = this.calls.sum();
			errors = this.errors.sum();
			rows = this.rows.sum();
			total = this.totalNanos.sum();
			max = this.maxNanos.get();
			p95 = percentile(95, min);
			p99 = percentile(99, min);
		}
		else {
			RollingMinutes.Totals totals = this.minutes.totals(window.minutes(), 0, this);
			calls = totals.counter(0);
			errors = totals.counter(1);
			rows = totals.counter(2);
			total = totals.nanos;
			max = totals.max;
			p95 = totals.percentile(0, 95);
			p99 = totals.percentile(0, 99);
		}
		return new StatementSnapshot(this.fingerprint.id(), this.fingerprint.sql(),
				this.fingerprint.operation().tagValue(), List.copyOf(this.dataSources), calls, errors, rows,
				millis(total), (calls > 0) ? millis(total / calls) : 0, (min == Long.MAX_VALUE) ? 0 : millis(min),
				millis(max), millis(p95), millis(p99), Instant.ofEpochMilli(this.firstSeen),
				Instant.ofEpochMilli(this.lastSeen), repositories(), entrypoints(), List.of(), null);
	}

	/**
	 * Its figures over a window with one point a minute.
	 */
	StatementSnapshot withMinutes(StatementSnapshot snapshot, Window window) {
		return snapshot.withMinutes(this.minutes.points(window.points(), this, 0));
	}

	private List<String> repositories() {
		return this.repositories.stream().map(RepositoryMethod::qualifiedName).sorted().toList();
	}

	private List<String> entrypoints() {
		return Arrays.stream(this.shares)
			.sorted(Comparator.comparingLong(EntryPointShare::calls)
				.reversed()
				.thenComparing((share) -> share.entrypoint))
			.map((share) -> share.entrypoint)
			.toList();
	}

	/** A bucket estimate, but never outside what was really seen. */
	private long percentile(double percentile, long min) {
		long estimate = Math.min(this.histogram.percentile(percentile), this.maxNanos.get());
		return (min == Long.MAX_VALUE) ? estimate : Math.max(estimate, min);
	}

}

package io.github.dbperf.statistics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.internal.RecentEntries;

/**
 * Per entry point (route template, scheduled task, scope): units of work, statements and
 * database time per unit, since start and a minute at a time. Bounded: when more entry
 * points than {@value #MAX_ENTRYPOINTS} appear, rarely used ones make room.
 */
public final class EntryPointStatistics implements UnitOfWorkListener, MinuteListener {

	static final int MAX_ENTRYPOINTS = 1000;

	private final Cache<String, Entry> cache = BoundedCaches.ofSizeTellingEvicted(MAX_ENTRYPOINTS,
			(Entry evicted) -> evicted.evicted = true);

	private final Map<String, Entry> entries = this.cache.asMap();

	/** Most units find their entry point here without a lookup in the cache. */
	private final RecentEntries<Entry> recent = new RecentEntries<>(64, this.cache, (entry) -> !entry.evicted);

	private volatile long minute = MinuteTicker.currentMinute();

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		String name = unit.entrypoint();
		Entry entry = this.recent.get(name);
		if (entry == null) {
			entry = this.cache.get(name, (key) -> new Entry(this.minute));
			this.recent.put(name, entry);
		}
		entry.add(unit.statements(), unit.dbNanos());
	}

	@Override
	public void minuteEnded(long now) {
		this.minute = now;
		this.entries.values().forEach((entry) -> entry.minutes.close(now, entry));
	}

	/**
	 * Every entry point whose units ran statements in a window, most database time first.
	 * @param window the span
	 * @param totalNanos database time of all statements in the window, for each one's
	 * share
	 * @return snapshots without their statements
	 */
	public List<EntryPointSnapshot> snapshot(Window window, long totalNanos) {
		return this.entries.entrySet()
			.stream()
			.map((entry) -> entry.getValue().snapshot(entry.getKey(), window, totalNanos))
			// Units without a statement (the actuator's own requests, static pages) are
			// no load.
			.filter((snapshot) -> snapshot.units() > 0 && snapshot.dbMillis() > 0)
			.sorted(Comparator.comparingDouble(EntryPointSnapshot::dbMillis)
				.reversed()
				.thenComparing(EntryPointSnapshot::name))
			.toList();
	}

	/**
	 * One entry point.
	 * @param name its name
	 * @param window the span
	 * @param totalNanos database time of all statements in the window
	 * @return its snapshot without statements, or {@code null} when unknown
	 */
	public EntryPointSnapshot get(String name, Window window, long totalNanos) {
		Entry entry = this.entries.get(name);
		return (entry != null) ? entry.snapshot(name, window, totalNanos) : null;
	}

	public void reset() {
		this.recent.clear();
		this.cache.invalidateAll();
	}

	private static final class Entry extends CallTotals {

		private volatile boolean evicted;

		/** Statements per unit, each recorded as that many microseconds. */
		private final LatencyHistogram statementsPerUnit = new LatencyHistogram();

		private final LatencyHistogram dbNanosPerUnit = new LatencyHistogram();

		Entry(long minute) {
			super(2, minute);
		}

		@Override
		void add(int statements, long dbNanos) {
			super.add(statements, dbNanos);
			this.statementsPerUnit.record(statements * 1000L);
			this.dbNanosPerUnit.record(dbNanos);
		}

		EntryPointSnapshot snapshot(String name, Window window, long totalNanos) {
			RollingMinutes.Totals totals = (window == Window.ALL) ? lifetime()
					: this.minutes.totals(window.minutes(), 0, this);
			long units = totals.counter(0);
			long statements = totals.counter(1);
			double share = (totalNanos > 0) ? Math.min(1.0, (double) totals.nanos / totalNanos) : 0;
			List<MinutePoint> points = this.minutes.points(window.points(), this, 1);
			return new EntryPointSnapshot(name, units, (units > 0) ? round((double) statements / units) : 0,
					totals.wholePercentile(95), totals.max / 1000, StatementSnapshot.millis(totals.nanos),
					(units > 0) ? StatementSnapshot.millis(totals.nanos / units) : 0,
					StatementSnapshot.millis(totals.percentile(1, 95)), round(share * 100), 0, points, List.of());
		}

		private RollingMinutes.Totals lifetime() {
			RollingMinutes.Totals totals = new RollingMinutes.Totals(2, 2);
			totals.counters[0] = calls();
			totals.counters[1] = statements();
			totals.nanos = nanos();
			totals.max = maxStatements() * 1000;
			for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
				totals.buckets[0][i] = this.statementsPerUnit.count(i);
				totals.buckets[1][i] = this.dbNanosPerUnit.count(i);
			}
			return totals;
		}

		private static double round(double value) {
			return Math.round(value * 10) / 10.0;
		}

		@Override
		public LatencyHistogram histogram(int index) {
			return (index == 0) ? this.statementsPerUnit : this.dbNanosPerUnit;
		}

	}

}

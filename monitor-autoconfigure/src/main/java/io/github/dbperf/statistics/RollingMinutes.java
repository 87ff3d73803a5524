package io.github.dbperf.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last {@value #SLOTS} whole minutes of one series, a slot a minute, plus the minute
 * in progress. Never touched by the statements themselves: when a minute ends, the
 * series' running totals (counters, time, histograms) are read once and the difference
 * from the previous minute's end is kept, so the hot path pays nothing for windows.
 * <p>
 * A minute's histogram keeps its {@value #EXACT_BUCKETS} highest non-empty buckets
 * exactly and folds every lower bucket into one entry at the highest of them: percentiles
 * from the 80th up are exact to the bucket whenever those buckets hold the top fifth of
 * the minute's values, and otherwise only overestimated. Memory is fixed per series: for
 * a statement (three counters, one histogram) about 3.7 KB.
 */
final class RollingMinutes {

	/**
	 * Whole minutes kept: an hour, and the five minutes a regression is measured over.
	 */
	static final int SLOTS = 65;

	static final int EXACT_BUCKETS = 5;

	private static final int ENTRIES = EXACT_BUCKETS + 1;

	private static final int MAX_COUNT = (1 << 24) - 1;

	private final int counters;

	private final int histograms;

	/** Per slot: the counters, saturated at {@code Integer.MAX_VALUE}. */
	private final int[] counts;

	private final long[] nanos;

	/** Per slot: the largest value seen, in microseconds (or units), saturated. */
	private final int[] max;

	/**
	 * Per slot and histogram: {@value #ENTRIES} entries of bucket index (8 bits) and
	 * count (24).
	 */
	private final int[] buckets;

	private final long[] baseCounters;

	private long baseNanos;

	/**
	 * Per histogram: every bucket's running count at the start of the minute in progress.
	 */
	private final int[] baseBuckets;

	/** The minute in progress (minutes since the epoch, or a test's own). */
	private long minute;

	RollingMinutes(int counters, int histograms, long minute) {
		this.counters = counters;
		this.histograms = histograms;
		this.counts = new int[SLOTS * counters];
		this.nanos = new long[SLOTS];
		this.max = new int[SLOTS];
		this.buckets = new int[SLOTS * histograms * ENTRIES];
		this.baseCounters = new long[counters];
		this.baseBuckets = new int[histograms * LatencyHistogram.BUCKETS];
		this.minute = minute;
	}

	/**
	 * The minute in progress ended: keep what happened in it.
	 * @param now the minute now in progress; a minute not after the current one changes
	 * nothing
	 * @param series the running totals
	 */
	synchronized void close(long now, Series series) {
		if (now <= this.minute) {
			return;
		}
		int slot = slot(this.minute);
		for (int i = 0; i < this.counters; i++) {
			long total = series.counter(i);
			this.counts[slot * this.counters + i] = saturated(total - this.baseCounters[i]);
			this.baseCounters[i] = total;
		}
		long totalNanos = series.nanos();
		this.nanos[slot] = totalNanos - this.baseNanos;
		this.baseNanos = totalNanos;
		this.max[slot] = saturated(series.takeMinuteMax() / 1000);
		for (int h = 0; h < this.histograms; h++) {
			compact(series.histogram(h), h, slot);
		}
		// Minutes without a close (the ticker late, nothing scheduled) are empty.
		for (long empty = this.minute + 1; empty < now && empty <= this.minute + SLOTS; empty++) {
			clear(slot(empty));
		}
		this.minute = now;
	}

	private void compact(LatencyHistogram histogram, int h, int slot) {
		int[] delta = new int[LatencyHistogram.BUCKETS];
		int offset = h * LatencyHistogram.BUCKETS;
		for (int i = 0; i < delta.length; i++) {
			int running = (int) histogram.count(i);
			// Differences of the low 32 bits are right while a minute adds fewer than
			// 2^32.
			delta[i] = running - this.baseBuckets[offset + i];
			this.baseBuckets[offset + i] = running;
		}
		int start = (slot * this.histograms + h) * ENTRIES;
		Arrays.fill(this.buckets, start, start + ENTRIES, 0);
		int entry = 0;
		for (int i = delta.length - 1; i >= 0; i--) {
			if (delta[i] == 0) {
				continue;
			}
			if (entry < EXACT_BUCKETS) {
				this.buckets[start + entry++] = pack(i, delta[i]);
			}
			else {
				// Everything below the exact buckets, counted at the highest of it.
				int folded = this.buckets[start + EXACT_BUCKETS];
				int index = (folded == 0) ? i : indexOf(folded);
				this.buckets[start + EXACT_BUCKETS] = pack(index, countOf(folded) + delta[i]);
			}
		}
	}

	private void clear(int slot) {
		Arrays.fill(this.counts, slot * this.counters, (slot + 1) * this.counters, 0);
		this.nanos[slot] = 0;
		this.max[slot] = 0;
		int start = slot * this.histograms * ENTRIES;
		Arrays.fill(this.buckets, start, start + this.histograms * ENTRIES, 0);
	}

	/**
	 * Sum a window: the given whole minutes before the one in progress, and that one so
	 * far.
	 * @param from whole minutes ago the window starts (1 = the minute before the one in
	 * progress), inclusive
	 * @param to whole minutes ago it ends, inclusive; 0 takes in the minute in progress
	 * @param series the running totals, for the minute in progress
	 * @return the sums
	 */
	synchronized Totals totals(int from, int to, Series series) {
		Totals totals = new Totals(this.counters, this.histograms);
		for (int ago = Math.max(to, 1); ago <= Math.min(from, SLOTS); ago++) {
			add(totals, slot(this.minute - ago));
		}
		if (to == 0) {
			addInProgress(totals, series);
		}
		return totals;
	}

	/**
	 * One point a minute, oldest first, ending with the minute in progress.
	 * @param minutes whole minutes before the one in progress
	 * @param series the running totals
	 * @return {@code minutes + 1} points
	 */
	synchronized List<Totals> perMinute(int minutes, Series series) {
		List<Totals> points = new ArrayList<>(minutes + 1);
		for (int ago = Math.min(minutes, SLOTS); ago >= 1; ago--) {
			Totals point = new Totals(this.counters, this.histograms);
			add(point, slot(this.minute - ago));
			point.minute = this.minute - ago;
			points.add(point);
		}
		Totals current = new Totals(this.counters, this.histograms);
		addInProgress(current, series);
		current.minute = this.minute;
		points.add(current);
		return points;
	}

	/**
	 * One {@link MinutePoint} a minute, oldest first, ending with the minute in progress.
	 * @param minutes whole minutes before the one in progress
	 * @param series the running totals
	 * @param histogram which histogram's p95 each point shows
	 * @return {@code minutes + 1} points
	 */
	List<MinutePoint> points(int minutes, Series series, int histogram) {
		return perMinute(minutes, series).stream()
			.map((minute) -> new MinutePoint(Instant.ofEpochSecond(minute.minute * 60), minute.counter(0),
					StatementSnapshot.millis(minute.nanos), StatementSnapshot.millis(minute.percentile(histogram, 95))))
			.toList();
	}

	synchronized long minute() {
		return this.minute;
	}

	private void add(Totals totals, int slot) {
		for (int i = 0; i < this.counters; i++) {
			totals.counters[i] += this.counts[slot * this.counters + i];
		}
		totals.nanos += this.nanos[slot];
		totals.max = Math.max(totals.max, this.max[slot] * 1000L);
		for (int h = 0; h < this.histograms; h++) {
			int start = (slot * this.histograms + h) * ENTRIES;
			for (int e = 0; e < ENTRIES; e++) {
				int packed = this.buckets[start + e];
				if (packed != 0) {
					totals.buckets[h][indexOf(packed)] += countOf(packed);
				}
			}
		}
	}

	private void addInProgress(Totals totals, Series series) {
		for (int i = 0; i < this.counters; i++) {
			totals.counters[i] += series.counter(i) - this.baseCounters[i];
		}
		totals.nanos += series.nanos() - this.baseNanos;
		totals.max = Math.max(totals.max, series.minuteMax());
		for (int h = 0; h < this.histograms; h++) {
			LatencyHistogram histogram = series.histogram(h);
			int offset = h * LatencyHistogram.BUCKETS;
			for (int i = 0; i < LatencyHistogram.BUCKETS; i++) {
				totals.buckets[h][i] += (int) histogram.count(i) - this.baseBuckets[offset + i];
			}
		}
	}

	private static int slot(long minute) {
		return (int) Math.floorMod(minute, (long) SLOTS);
	}

	private static int pack(int index, long count) {
		return (index << 24) | (int) Math.min(count, MAX_COUNT);
	}

	private static int indexOf(int packed) {
		return packed >>> 24;
	}

	private static int countOf(int packed) {
		return packed & MAX_COUNT;
	}

	private static int saturated(long value) {
		return (int) Math.min(Math.max(value, 0), Integer.MAX_VALUE);
	}

	/**
	 * The running totals a window is kept of.
	 */
	interface Series {

		long counter(int index);

		long nanos();

		LatencyHistogram histogram(int index);

		/** The largest value of the minute in progress so far. */
		long minuteMax();

		/** The largest value of the minute in progress, starting the next at zero. */
		long takeMinuteMax();

	}

	/**
	 * What a window (or one minute) added up to.
	 */
	static final class Totals {

		final long[] counters;

		long nanos;

		long max;

		final long[][] buckets;

		long minute;

		Totals(int counters, int histograms) {
			this.counters = new long[counters];
			this.buckets = new long[histograms][LatencyHistogram.BUCKETS];
		}

		long counter(int index) {
			return this.counters[index];
		}

		/**
		 * A percentile of one histogram; the first is never estimated beyond the largest
		 * value seen.
		 * @param histogram which
		 * @param percentile between 0 and 100
		 * @return the estimate, 0 when empty
		 */
		long percentile(int histogram, double percentile) {
			long estimate = LatencyHistogram.percentile(this.buckets[histogram], percentile);
			// The first histogram is of the values whose largest is kept: never beyond
			// it.
			return (histogram == 0 && this.max > 0) ? Math.min(estimate, this.max + 999) : estimate;
		}

		/**
		 * A percentile of whole units (statements per unit) of the first histogram: the
		 * largest whole number its bucket holds, never beyond the largest value seen.
		 * @param percentile between 0 and 100
		 * @return the estimate in units, 0 when empty
		 */
		long wholePercentile(double percentile) {
			int index = LatencyHistogram.percentileIndex(this.buckets[0], percentile);
			if (index < 0) {
				return 0;
			}
			long upper = (index + 1 < LatencyHistogram.BUCKETS) ? LatencyHistogram.lowerBoundOf(index + 1) / 1000 - 1
					: Long.MAX_VALUE;
			return Math.min(upper, this.max / 1000);
		}

	}

}

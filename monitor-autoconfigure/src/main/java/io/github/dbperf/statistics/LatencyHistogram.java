package io.github.dbperf.statistics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A compact, lock-free log-bucket histogram of latencies: four buckets per power of two
 * of microseconds (each about 19% wide), from 1 µs to over an hour, in 1 KiB. Percentiles
 * are estimated at the geometric middle of their bucket, so within about 9% of the truth.
 */
final class LatencyHistogram {

	private static final int SUB_BUCKETS = 4;

	static final int BUCKETS = 33 * SUB_BUCKETS;

	private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

	void record(long nanos) {
		this.counts.incrementAndGet(indexOf(nanos));
	}

	/**
	 * Estimate a percentile.
	 * @param percentile between 0 and 100
	 * @return the estimate in nanoseconds, or 0 when nothing was recorded
	 */
	long percentile(double percentile) {
		long[] snapshot = new long[BUCKETS];
		for (int i = 0; i < BUCKETS; i++) {
			snapshot[i] = this.counts.get(i);
		}
		return percentile(snapshot, percentile);
	}

	/**
	 * The running count of one bucket.
	 * @param index the bucket
	 * @return its count
	 */
	long count(int index) {
		return this.counts.get(index);
	}

	/**
	 * Estimate a percentile of bucket counts.
	 * @param counts one count a bucket
	 * @param percentile between 0 and 100
	 * @return the estimate in nanoseconds, or 0 when nothing was recorded
	 */
	static long percentile(long[] counts, double percentile) {
		int index = percentileIndex(counts, percentile);
		return (index < 0) ? 0 : middleOf(index);
	}

	/**
	 * The bucket a percentile falls in.
	 * @param counts one count a bucket
	 * @param percentile between 0 and 100
	 * @return the bucket's index, -1 when nothing was recorded
	 */
	static int percentileIndex(long[] counts, double percentile) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return -1;
		}
		long rank = (long) Math.ceil(total * percentile / 100.0);
		long seen = 0;
		for (int i = 0; i < BUCKETS; i++) {
			seen += counts[i];
			if (seen >= Math.max(rank, 1)) {
				return i;
			}
		}
		return BUCKETS - 1;
	}

	static int indexOf(long nanos) {
		long micros = nanos / 1000;
		if (micros < SUB_BUCKETS) {
			return (int) Math.max(micros, 0);
		}
		int log2 = 63 - Long.numberOfLeadingZeros(micros);
		int sub = (int) ((micros >>> (log2 - 2)) & (SUB_BUCKETS - 1));
		return Math.min((log2 - 1) * SUB_BUCKETS + sub, BUCKETS - 1);
	}

	static long lowerBoundOf(int index) {
		if (index < SUB_BUCKETS) {
			return index * 1000L;
		}
		int log2 = index / SUB_BUCKETS + 1;
		int sub = index % SUB_BUCKETS;
		return ((1L << log2) + ((long) sub << (log2 - 2))) * 1000L;
	}

	static long middleOf(int index) {
		long lower = lowerBoundOf(index);
		long upper = (index + 1 < BUCKETS) ? lowerBoundOf(index + 1) : lower * 2;
		return (long) Math.sqrt((double) Math.max(lower, 1) * upper);
	}

}

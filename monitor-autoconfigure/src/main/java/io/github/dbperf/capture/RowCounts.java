package io.github.dbperf.capture;

import java.util.Arrays;

/**
 * Rows changed, from what the driver returned for an update or batch.
 */
final class RowCounts {

	private RowCounts() {
	}

	static long of(Object result) {
		if (result instanceof Integer count) {
			return Math.max(count, -1);
		}
		if (result instanceof Long count) {
			return Math.max(count, -1);
		}
		if (result instanceof int[] counts) {
			return sum(Arrays.stream(counts).asLongStream().toArray());
		}
		if (result instanceof long[] counts) {
			return sum(counts);
		}
		return -1;
	}

	/** The sum, or -1 when the driver reported any count as unknown. */
	private static long sum(long[] counts) {
		long sum = 0;
		for (long count : counts) {
			if (count < 0) {
				return -1;
			}
			sum += count;
		}
		return sum;
	}

}

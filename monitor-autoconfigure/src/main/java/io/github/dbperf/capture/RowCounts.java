package io.github.dbperf.capture;

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
			long sum = 0;
			for (int count : counts) {
				if (count < 0) {
					return -1;
				}
				sum += count;
			}
			return sum;
		}
		if (result instanceof long[] counts) {
			long sum = 0;
			for (long count : counts) {
				if (count < 0) {
					return -1;
				}
				sum += count;
			}
			return sum;
		}
		return -1;
	}

}

package io.github.dbperf.capture;

import java.time.Duration;

/**
 * The elapsed time at or above which a statement is slow. Shared by capture (which marks
 * events) and changeable at runtime.
 */
public final class SlowQueryThreshold {

	private volatile long nanos;

	public SlowQueryThreshold(Duration threshold) {
		set(threshold);
	}

	/**
	 * Change the threshold.
	 * @param threshold a positive duration
	 * @throws IllegalArgumentException if it is not positive
	 */
	public void set(Duration threshold) {
		if (threshold == null || threshold.isNegative() || threshold.isZero()) {
			throw new IllegalArgumentException("Slow query threshold must be a positive duration, was " + threshold);
		}
		this.nanos = threshold.toNanos();
	}

	public Duration get() {
		return Duration.ofNanos(this.nanos);
	}

	boolean isSlow(long elapsedNanos) {
		return elapsedNanos >= this.nanos;
	}

}

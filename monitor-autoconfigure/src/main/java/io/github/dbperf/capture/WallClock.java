package io.github.dbperf.capture;

import java.time.Clock;

/**
 * Wall-clock milliseconds from a {@code System.nanoTime()} reading that the statement's
 * timing took anyway: no second clock read per statement. One per application context,
 * anchored to the wall clock when made and again by {@link #anchor()} (every minute, from
 * that context's minute ticker), so that the two clocks never drift apart by more than a
 * minute's drift.
 */
public final class WallClock {

	private final Clock clock;

	private volatile Anchor anchor;

	/**
	 * A wall clock over the system's.
	 */
	public WallClock() {
		this(Clock.systemUTC());
	}

	/**
	 * A wall clock over the given one.
	 * @param clock where the wall-clock time is read at each anchoring
	 */
	public WallClock(Clock clock) {
		this.clock = clock;
		this.anchor = Anchor.now(clock);
	}

	/**
	 * The wall-clock time of a {@code System.nanoTime()} reading.
	 * @param nanoTime the reading
	 * @return milliseconds since the epoch
	 */
	public long millis(long nanoTime) {
		Anchor anchor = this.anchor;
		return anchor.millis + Math.floorDiv(nanoTime - anchor.nanos, 1_000_000L);
	}

	/**
	 * Anchor again to the wall clock (it may have been set).
	 */
	public void anchor() {
		this.anchor = Anchor.now(this.clock);
	}

	private record Anchor(long millis, long nanos) {

		static Anchor now(Clock clock) {
			return new Anchor(clock.millis(), System.nanoTime());
		}

	}

}

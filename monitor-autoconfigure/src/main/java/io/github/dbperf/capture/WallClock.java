package io.github.dbperf.capture;

/**
 * Wall-clock milliseconds from a {@code System.nanoTime()} reading that the statement's
 * timing took anyway: no second clock read per statement. Anchored to the wall clock at
 * start and again by {@link #anchor()} (every minute, from the minute ticker), so that
 * the two clocks never drift apart by more than a minute's drift.
 */
public final class WallClock {

	private static volatile Anchor anchor = Anchor.now();

	private WallClock() {
	}

	/**
	 * The wall-clock time of a {@code System.nanoTime()} reading.
	 * @param nanoTime the reading
	 * @return milliseconds since the epoch
	 */
	public static long millis(long nanoTime) {
		Anchor anchor = WallClock.anchor;
		return anchor.millis + Math.floorDiv(nanoTime - anchor.nanos, 1_000_000L);
	}

	/**
	 * Anchor again to the wall clock (it may have been set).
	 */
	public static void anchor() {
		anchor = Anchor.now();
	}

	private record Anchor(long millis, long nanos) {

		static Anchor now() {
			return new Anchor(System.currentTimeMillis(), System.nanoTime());
		}

	}

}

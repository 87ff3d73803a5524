package io.github.dbperf.statistics;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.dbperf.capture.WallClock;
import io.github.dbperf.internal.DaemonThreads;

/**
 * Ends each minute for the windows: once a second, on its own daemon thread, it looks at
 * the clock and, when the minute changed, tells every {@link MinuteListener} in order
 * (the stores first, then what reads them). One per application context.
 */
public final class MinuteTicker implements AutoCloseable {

	private final Supplier<List<MinuteListener>> listeners;

	private final Consumer<RuntimeException> failures;

	private final ScheduledExecutorService scheduler;

	private final WallClock clock;

	private long minute = currentMinute();

	private volatile boolean followClock = true;

	/**
	 * Start ticking.
	 * @param clock the context's wall clock, anchored again at each minute
	 * @param listeners resolved at the first tick, in the order they are told
	 * @param failures told what a listener threw
	 */
	public MinuteTicker(WallClock clock, Supplier<List<MinuteListener>> listeners,
			Consumer<RuntimeException> failures) {
		this.clock = clock;
		this.listeners = listeners;
		this.failures = failures;
		this.scheduler = DaemonThreads.scheduler("dbperf-minutes");
		this.scheduler.scheduleWithFixedDelay(this::followClock, 1, 1, TimeUnit.SECONDS);
	}

	static long currentMinute() {
		return System.currentTimeMillis() / 60_000;
	}

	private void followClock() {
		if (this.followClock) {
			tick(currentMinute());
		}
	}

	/**
	 * End the minute in progress if {@code now} is after it.
	 * @param now the minute now in progress
	 */
	public synchronized void tick(long now) {
		if (now <= this.minute) {
			return;
		}
		this.minute = now;
		this.clock.anchor();
		for (MinuteListener listener : this.listeners.get()) {
			try {
				listener.minuteEnded(now);
			}
			catch (RuntimeException ex) {
				this.failures.accept(ex);
			}
		}
	}

	/**
	 * Move dbperf's minutes forward by hand (tests): the clock is no longer followed.
	 * @param minutes how many minutes end
	 */
	public synchronized void advance(int minutes) {
		this.followClock = false;
		for (int i = 0; i < minutes; i++) {
			tick(this.minute + 1);
		}
	}

	/**
	 * The minute in progress.
	 * @return minutes since the epoch (or moved forward by {@link #advance(int)})
	 */
	public synchronized long minute() {
		return this.minute;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}

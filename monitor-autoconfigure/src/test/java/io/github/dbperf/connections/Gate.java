package io.github.dbperf.connections;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * Where a route stands for a remote call: it counts itself in and waits until the test
 * lets it through.
 */
@Component
public class Gate {

	private final AtomicInteger arrived = new AtomicInteger();

	private final Semaphore passes = new Semaphore(0);

	/**
	 * Arrive and wait to be let through (at most a minute, so a failed test ends).
	 */
	public void pass() {
		this.arrived.incrementAndGet();
		try {
			this.passes.tryAcquire(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public int arrived() {
		return this.arrived.get();
	}

	public void open(int count) {
		this.passes.release(count);
	}

}

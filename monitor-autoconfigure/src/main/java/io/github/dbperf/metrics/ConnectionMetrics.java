package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.github.dbperf.connections.ConnectionBorrow;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.TransactionEnd;
import io.micrometer.core.instrument.FunctionTimer;

/**
 * Publishes each borrow's wait for the pool ({@code dbperf.connections.wait}), the time
 * it held the connection ({@code dbperf.connections.held}) and each transaction's idle
 * time ({@code dbperf.connections.idle-in-transaction}), by DataSource and entry point.
 * They are function timers (count and total, read when scraped) over adders of their own:
 * a borrow adds to two adders rather than recording into two timers, which measured at a
 * third of the per-borrow cost.
 */
public final class ConnectionMetrics implements ConnectionListener {

	private final DeferredMeterRegistry meters;

	/** Per DataSource (a few beans): its entry points' totals. */
	private final ConcurrentHashMap<String, ConcurrentHashMap<String, Totals>> totals = new ConcurrentHashMap<>();

	public ConnectionMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
		if (this.meters.isBound()) {
			totals(borrow).idle.add(transaction.idleNanos());
		}
	}

	@Override
	public void returned(ConnectionBorrow borrow, long heldNanos) {
		if (this.meters.isBound()) {
			Totals totals = totals(borrow);
			totals.waited.add(borrow.waitNanos());
			totals.held.add(heldNanos);
		}
	}

	private Totals totals(ConnectionBorrow borrow) {
		ConcurrentHashMap<String, Totals> pool = this.totals.get(borrow.dataSource());
		if (pool == null) {
			pool = this.totals.computeIfAbsent(borrow.dataSource(), (name) -> new ConcurrentHashMap<>());
		}
		String entrypoint = borrow.entrypoint();
		Totals totals = pool.get(entrypoint);
		if (totals == null) {
			totals = pool.computeIfAbsent(entrypoint, (name) -> register(borrow.dataSource(), name));
		}
		return totals;
	}

	private Totals register(String dataSource, String entrypoint) {
		Totals totals = new Totals();
		timer(MeterNames.CONNECTIONS_WAIT, "Time waited for a pooled connection", dataSource, entrypoint,
				totals.waited);
		timer(MeterNames.CONNECTIONS_HELD, "Time a connection was out of its pool", dataSource, entrypoint,
				totals.held);
		timer(MeterNames.CONNECTIONS_IDLE_IN_TRANSACTION,
				"Time a transaction held its connection with no statement running", dataSource, entrypoint,
				totals.idle);
		return totals;
	}

	private void timer(String name, String description, String dataSource, String entrypoint, Total total) {
		FunctionTimer.builder(name, total, Total::count, Total::nanos, TimeUnit.NANOSECONDS)
			.description(description)
			.tag("datasource", dataSource)
			.tag("entrypoint", entrypoint)
			.register(this.meters.registry());
	}

	/**
	 * The running totals of one DataSource and entry point.
	 */
	private static final class Totals {

		final Total waited = new Total();

		final Total held = new Total();

		final Total idle = new Total();

	}

	/**
	 * A count and a sum of nanoseconds.
	 */
	private static final class Total {

		private final LongAdder count = new LongAdder();

		private final LongAdder nanos = new LongAdder();

		void add(long nanos) {
			this.count.increment();
			this.nanos.add(nanos);
		}

		long count() {
			return this.count.sum();
		}

		double nanos() {
			return this.nanos.sum();
		}

	}

}

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
			Totals totals = totals(borrow);
			totals.transactions.increment();
			totals.idleNanos.add(transaction.idleNanos());
		}
	}

	@Override
	public void returned(ConnectionBorrow borrow, long heldNanos) {
		if (this.meters.isBound()) {
			Totals totals = totals(borrow);
			totals.borrows.increment();
			totals.waitedNanos.add(borrow.waitNanos());
			totals.heldNanos.add(heldNanos);
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
				totals.borrows, totals.waitedNanos);
		timer(MeterNames.CONNECTIONS_HELD, "Time a connection was out of its pool", dataSource, entrypoint,
				totals.borrows, totals.heldNanos);
		timer(MeterNames.CONNECTIONS_IDLE_IN_TRANSACTION,
				"Time a transaction held its connection with no statement running", dataSource, entrypoint,
				totals.transactions, totals.idleNanos);
		return totals;
	}

	private void timer(String name, String description, String dataSource, String entrypoint, LongAdder count,
			LongAdder nanos) {
		FunctionTimer
			.builder(name, this, (metrics) -> count.sum(), (metrics) -> (double) nanos.sum(), TimeUnit.NANOSECONDS)
			.description(description)
			.tag("datasource", dataSource)
			.tag("entrypoint", entrypoint)
			.register(this.meters.registry());
	}

	/**
	 * The running totals of one DataSource and entry point: the wait and the time held
	 * share the count of borrows.
	 */
	private static final class Totals {

		final LongAdder borrows = new LongAdder();

		final LongAdder waitedNanos = new LongAdder();

		final LongAdder heldNanos = new LongAdder();

		final LongAdder transactions = new LongAdder();

		final LongAdder idleNanos = new LongAdder();

	}

}

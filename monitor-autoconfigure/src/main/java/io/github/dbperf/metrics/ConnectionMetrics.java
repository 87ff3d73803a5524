package io.github.dbperf.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.dbperf.connections.ConnectionBorrow;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.TransactionEnd;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes each borrow's wait for the pool ({@code dbperf.connections.wait}), the time
 * it held the connection ({@code dbperf.connections.held}) and each transaction's idle
 * time ({@code dbperf.connections.idle-in-transaction}), by DataSource and entry point.
 */
public final class ConnectionMetrics implements ConnectionListener {

	private final DeferredMeterRegistry meters;

	/** The three timers of a DataSource and entry point, found with one lookup. */
	private final ConcurrentHashMap<Key, Timers> timers = new ConcurrentHashMap<>();

	public ConnectionMetrics(DeferredMeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
		if (this.meters.isBound()) {
			timers(borrow).idle().record(transaction.idleNanos(), TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void returned(ConnectionBorrow borrow, long heldNanos) {
		if (this.meters.isBound()) {
			Timers timers = timers(borrow);
			timers.waited().record(borrow.waitNanos(), TimeUnit.NANOSECONDS);
			timers.held().record(heldNanos, TimeUnit.NANOSECONDS);
		}
	}

	private Timers timers(ConnectionBorrow borrow) {
		Key key = new Key(borrow.dataSource(), borrow.entrypoint());
		Timers timers = this.timers.get(key);
		if (timers == null) {
			timers = this.timers.computeIfAbsent(key,
					(k) -> new Timers(timer(MeterNames.CONNECTIONS_WAIT, "Time waited for a pooled connection", k),
							timer(MeterNames.CONNECTIONS_HELD, "Time a connection was out of its pool", k),
							timer(MeterNames.CONNECTIONS_IDLE_IN_TRANSACTION,
									"Time a transaction held its connection with no statement running", k)));
		}
		return timers;
	}

	private Timer timer(String name, String description, Key key) {
		return Timer.builder(name)
			.description(description)
			.tag("datasource", key.dataSource())
			.tag("entrypoint", key.entrypoint())
			.register(this.meters.registry());
	}

	private record Key(String dataSource, String entrypoint) {

	}

	private record Timers(Timer waited, Timer held, Timer idle) {

	}

}

package io.github.dbperf.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dbperf.connections.ConnectionBorrow;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.connections.TransactionEnd;
import io.github.dbperf.connections.TransactionNames;

/**
 * The connections an application context's monitored DataSources lent while a recording
 * ran: how many, which were not returned by its end, and each transaction's time held and
 * idle.
 */
final class RecordedConnections implements ConnectionListener {

	private final List<Connections> sources;

	private final AtomicInteger borrows = new AtomicInteger();

	private final Set<ConnectionBorrow> out = ConcurrentHashMap.newKeySet();

	private final List<Transaction> transactions = Collections.synchronizedList(new ArrayList<>());

	RecordedConnections(List<Connections> sources) {
		this.sources = sources;
		for (Connections source : sources) {
			source.addRecorder(this);
		}
	}

	void stop() {
		for (Connections source : this.sources) {
			source.removeRecorder(this);
		}
	}

	@Override
	public void acquired(ConnectionBorrow borrow) {
		this.borrows.incrementAndGet();
		this.out.add(borrow);
	}

	@Override
	public void transactionEnded(ConnectionBorrow borrow, TransactionEnd transaction) {
		String name = TransactionNames.current();
		this.transactions
			.add(new Transaction(borrow.entrypoint(), (name != null) ? name : "(no Spring name)", transaction));
	}

	@Override
	public void returned(ConnectionBorrow borrow, long heldNanos) {
		this.out.remove(borrow);
	}

	/**
	 * Whether connections were followed at all (a Spring test's context with dbperf's
	 * connections on).
	 * @return {@code true} when recorded
	 */
	boolean isRecording() {
		return !this.sources.isEmpty();
	}

	int borrows() {
		return this.borrows.get();
	}

	List<String> notReturned() {
		return this.out.stream()
			.map((borrow) -> "a connection of '" + borrow.dataSource() + "' borrowed by '" + borrow.entrypoint()
					+ "' on thread '" + borrow.thread().getName() + "' after " + borrow.statements() + " statements")
			.toList();
	}

	List<String> idle(Duration hold) {
		long holdNanos = hold.toNanos();
		synchronized (this.transactions) {
			return this.transactions.stream()
				.filter((transaction) -> transaction.end().isIdle(holdNanos))
				.map(Transaction::describe)
				.toList();
		}
	}

	private record Transaction(String entrypoint, String name, TransactionEnd end) {

		String describe() {
			return "transaction " + this.name + " in '" + this.entrypoint + "' held its connection "
					+ this.end.nanos() / 1_000_000 + " ms, idle " + this.end.idleNanos() / 1_000_000 + " ms, "
					+ this.end.statements() + " statements";
		}

	}

}

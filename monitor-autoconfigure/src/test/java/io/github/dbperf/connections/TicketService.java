package io.github.dbperf.connections;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TicketService {

	private final TicketRepository tickets;

	private final Gate gate;

	public TicketService(TicketRepository tickets, Gate gate) {
		this.tickets = tickets;
		this.gate = gate;
	}

	/**
	 * Reads, then waits for the "remote call" while its transaction holds the connection.
	 * @return the tickets counted
	 */
	@Transactional
	public long reserve() {
		long count = this.tickets.count();
		this.gate.pass();
		return count;
	}

	/**
	 * The same, read in a transaction that ends before the wait.
	 * @return the tickets counted
	 */
	public long reserveOutside() {
		this.gate.pass();
		return this.tickets.count();
	}

}

package io.github.dbperf.connections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TicketController {

	private final TicketService service;

	private final TicketRepository tickets;

	private final DataSource dataSource;

	private final List<Connection> leaked = new CopyOnWriteArrayList<>();

	public TicketController(TicketService service, TicketRepository tickets, DataSource dataSource) {
		this.service = service;
		this.tickets = tickets;
		this.dataSource = dataSource;
	}

	@GetMapping("/reserve")
	public long reserve() {
		return this.service.reserve();
	}

	@GetMapping("/reserve-outside")
	public long reserveOutside() {
		return this.service.reserveOutside();
	}

	@GetMapping("/fast")
	public long fast() {
		return this.tickets.count();
	}

	@GetMapping("/leak")
	public String leak() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("select 1");
		}
		this.leaked.add(connection);
		return "leaked";
	}

	@PostMapping("/release")
	public int release() throws SQLException {
		int released = this.leaked.size();
		for (Connection connection : this.leaked) {
			connection.close();
		}
		this.leaked.clear();
		return released;
	}

}

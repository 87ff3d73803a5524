package io.github.dbperf.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes that hold the pool, each with its fixed twin: a transaction around a remote call
 * ({@code /stock/{id}/reserve}), and a count read on a connection that is never closed
 * ({@code /reports/books/count-leaky}).
 */
@RestController
class PoolPagesController {

	/** Leaked connections the sample keeps, so that its pool never runs dry. */
	private static final int MAX_LEAKED = 2;

	private final StockService stock;

	private final DataSource dataSource;

	private final Deque<Connection> leaked = new ArrayDeque<>();

	PoolPagesController(StockService stock, DataSource dataSource) {
		this.stock = stock;
		this.dataSource = dataSource;
	}

	@GetMapping("/stock/{id}/reserve")
	Map<String, Object> reserve(@PathVariable long id) {
		return Map.of("book", id, "title", String.valueOf(this.stock.reserve(id)));
	}

	@GetMapping("/stock/{id}/reserve-fixed")
	Map<String, Object> reserveFixed(@PathVariable long id) {
		return Map.of("book", id, "title", String.valueOf(this.stock.reserveOutsideTransaction(id)));
	}

	/** The connection is never closed: a CONNECTION_LEAK once it has been out a while. */
	@GetMapping("/reports/books/count-leaky")
	Map<String, Object> countLeaky() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		long count = count(connection);
		keep(connection);
		return Map.of("books", count);
	}

	/** The fix: try-with-resources returns the connection whatever happens. */
	@GetMapping("/reports/books/count")
	Map<String, Object> count() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return Map.of("books", count(connection));
		}
	}

	private static long count(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select count(*) from book");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private void keep(Connection connection) throws SQLException {
		Connection oldest = null;
		synchronized (this.leaked) {
			this.leaked.addLast(connection);
			if (this.leaked.size() > MAX_LEAKED) {
				oldest = this.leaked.removeFirst();
			}
		}
		if (oldest != null) {
			oldest.close();
		}
	}

}

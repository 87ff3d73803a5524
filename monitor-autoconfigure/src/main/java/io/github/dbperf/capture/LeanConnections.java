package io.github.dbperf.capture;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * Borrows a pool's connections for dbperf's wrapper and wraps each in dbperf's plain
 * delegating classes ({@link LeanConnection}, {@link LeanStatement},
 * {@link LeanPreparedStatement}, {@link LeanCallableStatement}) instead of JDK proxies,
 * so that no JDBC call goes through reflection or allocates an argument array. They time
 * the {@code execute*} calls and hand them straight to the {@link StatementListener}.
 * Bound values are kept in one array per statement, for the N+1 detector's hash and plan
 * capture. The result sets of queries count the rows read ({@link CountingResultSet});
 * generated keys are not wrapped.
 * <p>
 * When the application has datasource-proxy listeners ({@link ProxyListeners}), the
 * pool's connection is first datasource-proxy's own, which calls them.
 */
final class LeanConnections {

	private final StatementListener listener;

	private final Borrows borrows;

	private final ProxyConfig config;

	/** The application's datasource-proxy listeners, {@code null} when it has none. */
	private final ProxyListeners.Borrowing forwarded;

	LeanConnections(StatementListener listener, Borrows borrows, ProxyConfig config,
			ProxyListeners.Borrowing forwarded) {
		this.listener = listener;
		this.borrows = borrows;
		this.config = config;
		this.forwarded = forwarded;
	}

	/**
	 * Borrow a connection from the pool, timing the wait, and wrap it.
	 * @param pool the pool
	 * @param args {@code getConnection}'s arguments: none, or user and password
	 * @return the lean connection
	 * @throws SQLException from the pool
	 */
	Connection borrow(DataSource pool, Object[] args) throws SQLException {
		Borrows borrows = this.borrows;
		long requested = borrows.requesting();
		Connection connection;
		try {
			if (this.forwarded != null) {
				connection = this.forwarded.getConnection(pool, args);
			}
			else {
				connection = (args.length == 0) ? pool.getConnection()
						: pool.getConnection((String) args[0], (String) args[1]);
			}
		}
		catch (SQLException | RuntimeException | Error ex) {
			borrows.failed(requested);
			throw ex;
		}
		return new LeanConnection(connection, this.config, this.listener, borrows.acquired(requested));
	}

}

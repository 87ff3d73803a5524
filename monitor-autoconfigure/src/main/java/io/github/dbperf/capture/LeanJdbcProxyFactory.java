package io.github.dbperf.capture;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * datasource-proxy's {@link JdbcProxyFactory} cut to what dbperf needs: plain delegating
 * classes ({@link LeanConnection}, {@link LeanStatement}, {@link LeanPreparedStatement},
 * {@link LeanCallableStatement}) instead of JDK proxies, so that no JDBC call goes
 * through reflection or allocates an argument array. They time the {@code execute*} calls
 * and hand them straight to the {@link StatementListener}, without datasource-proxy's
 * per-call method contexts, parameter-operation objects or listener chain. Bound values
 * are kept in one array per statement, for the N+1 detector's hash and plan capture. The
 * result sets of queries count the rows read ({@link CountingResultSet}); generated keys
 * are not wrapped.
 */
final class LeanJdbcProxyFactory implements JdbcProxyFactory {

	private final StatementListener listener;

	private final Borrows borrows;

	LeanJdbcProxyFactory(StatementListener listener, Borrows borrows) {
		this.listener = listener;
		this.borrows = borrows;
	}

	/**
	 * Borrow a connection from the pool, timing the wait, and wrap it.
	 * @param pool the pool
	 * @param config the lean proxies' configuration
	 * @param args {@code getConnection}'s arguments: none, or user and password
	 * @return the lean connection
	 * @throws SQLException from the pool
	 */
	Connection borrow(DataSource pool, ProxyConfig config, Object[] args) throws SQLException {
		Borrows borrows = this.borrows;
		long requested = borrows.requesting();
		Connection connection;
		try {
			connection = (args.length == 0) ? pool.getConnection()
					: pool.getConnection((String) args[0], (String) args[1]);
		}
		catch (SQLException | RuntimeException | Error ex) {
			borrows.failed(requested);
			throw ex;
		}
		return new LeanConnection(connection, config, this.listener, borrows.acquired(requested));
	}

	@Override
	public DataSource createDataSource(DataSource dataSource, ProxyConfig proxyConfig) {
		return JdbcProxyFactory.DEFAULT.createDataSource(dataSource, proxyConfig);
	}

	@Override
	public Connection createConnection(Connection connection, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return new LeanConnection(connection, proxyConfig, this.listener, Borrows.Borrow.NONE);
	}

	@Override
	public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection proxyConnection,
			ProxyConfig proxyConfig) {
		return new LeanStatement(statement, null, proxyConnection, proxyConfig, this.listener);
	}

	@Override
	public PreparedStatement createPreparedStatement(PreparedStatement preparedStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig, boolean generateKey) {
		return new LeanPreparedStatement(preparedStatement, query, proxyConnection, proxyConfig, this.listener);
	}

	@Override
	public CallableStatement createCallableStatement(CallableStatement callableStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig) {
		return new LeanCallableStatement(callableStatement, query, proxyConnection, proxyConfig, this.listener);
	}

	@Override
	public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return resultSet;
	}

	@Override
	public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return resultSet;
	}

}

package io.github.dbperf.capture;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * datasource-proxy's {@link JdbcProxyFactory} cut to what dbperf needs: JDK proxies of
 * {@link Connection} and statements whose handlers time the {@code execute*} calls and
 * hand them straight to the {@link StatementListener}, without datasource-proxy's
 * per-call method contexts, parameter-operation objects or listener chain. Bound values
 * are kept in one array per statement, for the N+1 detector's hash and plan capture.
 * The result sets of queries count the rows read ({@link CountingResultSet}); generated
 * keys are not wrapped.
 */
final class LeanJdbcProxyFactory implements JdbcProxyFactory {

	private static final Class<?>[] CONNECTION = { ProxyJdbcObject.class, Connection.class };

	private static final Class<?>[] STATEMENT = { ProxyJdbcObject.class, Statement.class };

	private static final Class<?>[] PREPARED = { ProxyJdbcObject.class, PreparedStatement.class };

	private static final Class<?>[] CALLABLE = { ProxyJdbcObject.class, CallableStatement.class };

	private static final ClassLoader CLASS_LOADER = ProxyJdbcObject.class.getClassLoader();

	private final StatementListener listener;

	LeanJdbcProxyFactory(StatementListener listener) {
		this.listener = listener;
	}

	@Override
	public DataSource createDataSource(DataSource dataSource, ProxyConfig proxyConfig) {
		return JdbcProxyFactory.DEFAULT.createDataSource(dataSource, proxyConfig);
	}

	@Override
	public Connection createConnection(Connection connection, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return (Connection) Proxy.newProxyInstance(CLASS_LOADER, CONNECTION,
				new ConnectionHandler(connection, proxyConfig, this.listener));
	}

	@Override
	public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection proxyConnection,
			ProxyConfig proxyConfig) {
		return (Statement) new StatementHandler(statement, null, proxyConnection, proxyConfig, this.listener).proxy(STATEMENT);
	}

	@Override
	public PreparedStatement createPreparedStatement(PreparedStatement preparedStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig,
			boolean generateKey) {
		return (PreparedStatement) new StatementHandler(preparedStatement, query, proxyConnection, proxyConfig, this.listener).proxy(PREPARED);
	}

	@Override
	public CallableStatement createCallableStatement(CallableStatement callableStatement, String query,
			ConnectionInfo connectionInfo, Connection proxyConnection, ProxyConfig proxyConfig) {
		return (CallableStatement) new StatementHandler(callableStatement, query, proxyConnection, proxyConfig, this.listener).proxy(CALLABLE);
	}

	@Override
	public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return resultSet;
	}

	@Override
	public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return resultSet;
	}

	/**
	 * What every proxy answers the same way: {@link ProxyJdbcObject}'s methods, identity
	 * {@code equals}/{@code hashCode}; everything else goes to the target.
	 */
	static Object passThrough(Object proxy, Object target, ProxyConfig proxyConfig, Method method, Object[] args)
			throws Throwable {
		switch (method.getName()) {
			case "getTarget" -> {
				if (args == null) {
					return target;
				}
			}
			case "getProxyConfig" -> {
				if (args == null) {
					return proxyConfig;
				}
			}
			case "equals" -> {
				if (args != null && args.length == 1) {
					return proxy == args[0];
				}
			}
			case "hashCode" -> {
				if (args == null) {
					return System.identityHashCode(proxy);
				}
			}
			default -> {
			}
		}
		return invoke(target, method, args);
	}

	static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Wraps the statements a connection creates; passes everything else through.
	 */
	private record ConnectionHandler(Connection target, ProxyConfig proxyConfig, StatementListener listener)
			implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "createStatement" -> {
					return new StatementHandler((Statement) LeanJdbcProxyFactory.invoke(this.target, method, args), null,
							(Connection) proxy, this.proxyConfig, this.listener).proxy(STATEMENT);
				}
				case "prepareStatement" -> {
					return new StatementHandler((Statement) LeanJdbcProxyFactory.invoke(this.target, method, args),
							(String) args[0], (Connection) proxy, this.proxyConfig, this.listener).proxy(PREPARED);
				}
				case "prepareCall" -> {
					return new StatementHandler((Statement) LeanJdbcProxyFactory.invoke(this.target, method, args),
							(String) args[0], (Connection) proxy, this.proxyConfig, this.listener).proxy(CALLABLE);
				}
				default -> {
				}
			}
			return LeanJdbcProxyFactory.passThrough(proxy, this.target, this.proxyConfig, method, args);
		}

	}

	/**
	 * Times the {@code execute*} calls of one statement and keeps what the listener needs:
	 * the SQL of a {@code Statement} batch, the batch size, the bound values.
	 */
	static final class StatementHandler implements InvocationHandler {

		private final Statement target;

		private final String sql;

		private final Connection connection;

		private final ProxyConfig proxyConfig;

		private final StatementListener listener;

		private Object[] parameters;

		private int parameterCount;

		private int batchSize;

		private List<String> batchSql;

		/** The event of the last execution, while its result set may still be asked for. */
		private StatementEvent lastEvent;

		private CountingResultSet openResultSet;

		private Object proxy;

		StatementHandler(Statement target, String sql, Connection connection, ProxyConfig proxyConfig,
				StatementListener listener) {
			this.target = target;
			this.sql = sql;
			this.connection = connection;
			this.proxyConfig = proxyConfig;
			this.listener = listener;
		}

		Object proxy(Class<?>[] interfaces) {
			this.proxy = Proxy.newProxyInstance(CLASS_LOADER, interfaces, this);
			return this.proxy;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (args != null && args.length >= 2 && name.startsWith("set") && args[0] instanceof Integer index
					&& this.sql != null) {
				bind(index, name.equals("setNull") ? null : args[1]);
				return LeanJdbcProxyFactory.invoke(this.target, method, args);
			}
			switch (name) {
				case "executeQuery", "execute", "executeUpdate", "executeLargeUpdate" -> {
					return execute(method, args, (args != null && args.length > 0) ? (String) args[0] : this.sql, 0);
				}
				case "executeBatch", "executeLargeBatch" -> {
					return executeBatch(method);
				}
				case "addBatch" -> {
					if (args != null && args.length == 1) {
						if (this.batchSql == null) {
							this.batchSql = new ArrayList<>();
						}
						this.batchSql.add((String) args[0]);
					}
					this.batchSize++;
				}
				case "clearBatch" -> {
					this.batchSize = 0;
					this.batchSql = null;
				}
				case "clearParameters" -> {
					this.parameterCount = 0;
				}
				case "getConnection" -> {
					return this.connection;
				}
				case "getResultSet" -> {
					return countRows(proxy, (ResultSet) LeanJdbcProxyFactory.invoke(this.target, method, args));
				}
				case "close" -> {
					reportRows();
				}
				default -> {
				}
			}
			return LeanJdbcProxyFactory.passThrough(proxy, this.target, this.proxyConfig, method, args);
		}

		private void bind(int index, Object value) {
			if (this.parameters == null) {
				this.parameters = new Object[Math.max(8, index)];
			}
			else if (index > this.parameters.length) {
				this.parameters = Arrays.copyOf(this.parameters, Math.max(index, this.parameters.length * 2));
			}
			this.parameters[index - 1] = value;
			this.parameterCount = Math.max(this.parameterCount, index);
		}

		private Object execute(Method method, Object[] args, String sql, int batchSize) throws Throwable {
			reportRows();
			Execution execution = Execution.run(this.target, method, args);
			this.lastEvent = this.listener.executed(this.target, sql, execution.elapsedNanos(),
					execution.failure() == null, batchSize, execution.result(), this.parameters, this.parameterCount);
			Object result = execution.resultOrThrow();
			if (result instanceof ResultSet resultSet) {
				return countRows(this.proxy, resultSet);
			}
			return result;
		}

		private ResultSet countRows(Object proxy, ResultSet resultSet) {
			if (resultSet == null || this.lastEvent == null) {
				return resultSet;
			}
			reportRows();
			this.openResultSet = new CountingResultSet(resultSet, (Statement) proxy, this.listener, this.lastEvent);
			this.lastEvent = null;
			return this.openResultSet;
		}

		private void reportRows() {
			CountingResultSet open = this.openResultSet;
			if (open != null) {
				this.openResultSet = null;
				open.report();
			}
		}

		private Object executeBatch(Method method) throws Throwable {
			int size = this.batchSize;
			List<String> statements = this.batchSql;
			this.batchSize = 0;
			this.batchSql = null;
			if (statements == null) {
				return execute(method, null, this.sql, size);
			}
			Execution execution = Execution.run(this.target, method, null);
			this.listener.executedBatch(this.target, statements, execution.elapsedNanos(), execution.failure() == null,
					execution.result());
			return execution.resultOrThrow();
		}

	}

	/**
	 * One timed call to the driver: its result or what it threw, and how long it took.
	 */
	private record Execution(Object result, Throwable failure, long elapsedNanos) {

		static Execution run(Object target, Method method, Object[] args) throws IllegalAccessException {
			long start = System.nanoTime();
			try {
				Object result = method.invoke(target, args);
				return new Execution(result, null, System.nanoTime() - start);
			}
			catch (InvocationTargetException ex) {
				return new Execution(null, ex.getCause(), System.nanoTime() - start);
			}
		}

		Object resultOrThrow() throws Throwable {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.result;
		}

	}

}

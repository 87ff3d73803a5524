package io.github.dbperf.capture;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.DataSourceProxyException;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyLogicSupport;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.util.ReflectionUtils;

/**
 * The application's own datasource-proxy listeners ({@link QueryExecutionListener} and
 * {@link MethodExecutionListener} beans), run on dbperf's wrapper so that an application
 * that used datasource-proxy's Spring Boot starter keeps them without it: the pool's
 * connection is datasource-proxy's own ({@link JdbcProxyFactory#DEFAULT}, as
 * {@code ProxyDataSource} makes it), which calls them with datasource-proxy's
 * {@code ExecutionInfo}, {@code QueryInfo} and {@code MethodExecutionContext}, and
 * dbperf's connection wraps it. The DataSource is still wrapped once. With no listener,
 * nothing of this is on the path of a statement.
 */
public final class ProxyListeners {

	/** No listener: dbperf's connections wrap the pool's directly. */
	public static final ProxyListeners NONE = new ProxyListeners(List.of(), List.of());

	private static final Method GET_CONNECTION = ReflectionUtils.findMethod(DataSource.class, "getConnection");

	private static final Method GET_CONNECTION_AS_USER = ReflectionUtils.findMethod(DataSource.class, "getConnection",
			String.class, String.class);

	private final List<QueryExecutionListener> queryListeners;

	private final List<MethodExecutionListener> methodListeners;

	private ProxyListeners(List<QueryExecutionListener> queryListeners, List<MethodExecutionListener> methodListeners) {
		this.queryListeners = List.copyOf(queryListeners);
		this.methodListeners = List.copyOf(methodListeners);
	}

	/**
	 * The listeners to run on dbperf's wrapper.
	 * @param queryListeners called before and after each statement, in this order
	 * @param methodListeners called around each JDBC method, in this order
	 * @return the listeners, {@link #NONE} when both lists are empty
	 */
	public static ProxyListeners of(List<QueryExecutionListener> queryListeners,
			List<MethodExecutionListener> methodListeners) {
		return (queryListeners.isEmpty() && methodListeners.isEmpty()) ? NONE
				: new ProxyListeners(queryListeners, methodListeners);
	}

	/**
	 * Whether a DataSource is datasource-proxy's {@link ProxyDataSource} or wraps one:
	 * the application built it with its listeners, which it calls.
	 * @param dataSource a DataSource about to be wrapped
	 * @return {@code true} when it is, or wraps, a {@code ProxyDataSource}
	 */
	static boolean isProxied(DataSource dataSource) {
		try {
			return dataSource instanceof ProxyDataSource || dataSource.isWrapperFor(ProxyDataSource.class);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * How many listeners there are.
	 * @return query listeners plus method listeners
	 */
	public int size() {
		return this.queryListeners.size() + this.methodListeners.size();
	}

	/**
	 * The borrowing of one DataSource's connections through datasource-proxy.
	 * @param dataSourceName the DataSource's bean name, which the listeners see
	 * @return the borrowing, {@code null} when there is no listener
	 */
	Borrowing forDataSource(String dataSourceName) {
		if (this == NONE) {
			return null;
		}
		ProxyConfig.Builder config = ProxyConfig.Builder.create().dataSourceName(dataSourceName);
		this.queryListeners.forEach(config::queryListener);
		this.methodListeners.forEach(config::methodListener);
		return new Borrowing(config.build());
	}

	/**
	 * What {@code ProxyDataSource.getConnection} does: the method listeners are told of
	 * the call, the connection is datasource-proxy's proxy of the pool's.
	 */
	static final class Borrowing extends ProxyLogicSupport {

		private final ProxyConfig config;

		Borrowing(ProxyConfig config) {
			this.config = config;
		}

		Connection getConnection(DataSource pool, Object[] args) throws SQLException {
			// As ProxyDataSource: no arguments are null, no proxy object, anything but an
			// SQLException wrapped.
			Method method = (args.length == 0) ? GET_CONNECTION : GET_CONNECTION_AS_USER;
			try {
				return (Connection) proceedMethodExecution(this.config, pool, null, null, method,
						(args.length == 0) ? null : args);
			}
			catch (SQLException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new DataSourceProxyException("Failed to perform getConnection", ex);
			}
		}

		@Override
		protected Object performProxyLogic(Object proxy, Method method, Object[] args,
				MethodExecutionContext methodContext) throws Throwable {
			Connection connection = (Connection) proceedExecution(method, methodContext.getTarget(), args);
			ConnectionInfo info = new ConnectionInfo();
			info.setConnectionId(this.config.getConnectionIdManager().getId(connection));
			info.setDataSourceName(this.config.getDataSourceName());
			if (this.config.isRetrieveIsolationLevel()) {
				info.setIsolationLevel(connection.getTransactionIsolation());
			}
			methodContext.setConnectionInfo(info);
			return this.config.getJdbcProxyFactory().createConnection(connection, info, this.config);
		}

	}

}

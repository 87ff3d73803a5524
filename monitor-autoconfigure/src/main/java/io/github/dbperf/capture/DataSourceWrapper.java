package io.github.dbperf.capture;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.core.NativeDetector;
import org.springframework.util.ClassUtils;

/**
 * Wraps a DataSource so that its connections are dbperf's lean JDBC proxies
 * ({@link LeanConnections}) while everything else (unwrap, pool MXBean interfaces,
 * {@code AopProxyUtils} target) still reaches the original pool. Never opens a
 * connection.
 */
public final class DataSourceWrapper {

	private DataSourceWrapper() {
	}

	/**
	 * Wrap a DataSource.
	 * @param dataSource the pool (or any DataSource)
	 * @param name the name to report it under (its bean name)
	 * @param listener the listener told about each statement
	 * @return the wrapper: a subclass of the pool's class where one can be made (see
	 * {@link #isSubclassable}), otherwise a JDK proxy; either way it implements every
	 * interface of the pool and {@link MonitoredDataSource}
	 */
	public static MonitoredDataSource wrap(DataSource dataSource, String name, StatementListener listener) {
		return wrap(dataSource, name, listener, Borrows.NONE, ProxyListeners.NONE);
	}

	/**
	 * Wrap a DataSource, keeping its class or not.
	 * @param dataSource the pool (or any DataSource)
	 * @param name the name to report it under (its bean name)
	 * @param listener the listener told about each statement
	 * @param keepClass whether the wrapper is a subclass of the pool's class (it must be
	 * {@link #isSubclassable}); otherwise a JDK proxy of its interfaces
	 * @return the wrapper
	 */
	public static MonitoredDataSource wrap(DataSource dataSource, String name, StatementListener listener,
			boolean keepClass) {
		return wrap(dataSource, name, listener, Borrows.NONE, ProxyListeners.NONE, keepClass);
	}

	/**
	 * Wrap a DataSource whose borrows are followed and whose connections also run the
	 * application's datasource-proxy listeners.
	 * @param dataSource the pool (or any DataSource)
	 * @param name the name to report it under (its bean name)
	 * @param listener the listener told about each statement
	 * @param borrows told about each connection borrowed
	 * @param proxyListeners the application's datasource-proxy listeners
	 * @return the wrapper (see {@link #wrap(DataSource, String, StatementListener)})
	 */
	public static MonitoredDataSource wrap(DataSource dataSource, String name, StatementListener listener,
			Borrows borrows, ProxyListeners proxyListeners) {
		// A native image cannot define a subclass at run time: there the wrapper is a JDK
		// proxy.
		return wrap(dataSource, name, listener, borrows, proxyListeners,
				!NativeDetector.inNativeImage() && isSubclassable(dataSource.getClass()));
	}

	private static MonitoredDataSource wrap(DataSource dataSource, String name, StatementListener listener,
			Borrows borrows, ProxyListeners proxyListeners, boolean keepClass) {
		// datasource-proxy's configuration names the DataSource for the JDBC objects
		// (ProxyJdbcObject.getProxyConfig); the application's listeners have their own.
		ProxyConfig config = ProxyConfig.Builder.create().dataSourceName(name).build();
		LeanConnections connections = new LeanConnections(listener, borrows, config,
				proxyListeners.forDataSource(name));
		if (keepClass) {
			// A subclass of the pool's own class, so that the application can still
			// inject it by its class (HikariDataSource, BasicDataSource, ...).
			return PoolSubclass.wrap(dataSource, name, connections, proxyInterfaces(dataSource.getClass()));
		}
		// A JDK proxy where no subclass can be made (a final pool class, a native image).
		ProxyFactory factory = new ProxyFactory();
		factory.setTarget(dataSource);
		factory.setInterfaces(proxyInterfaces(dataSource.getClass()));
		factory.addAdvice(new ConnectionRouting(connections, dataSource, name));
		// A fixed chain: no interceptor lookup per call.
		factory.setFrozen(true);
		ClassLoader classLoader = dataSource.getClass().getClassLoader();
		return (MonitoredDataSource) factory
			.getProxy((classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader());
	}

	/**
	 * Whether the wrapper of a DataSource of this type keeps its class: the type is
	 * public, not final and declares no final public method that a subclass could not
	 * route.
	 * @param dataSourceType the pool's class
	 * @return {@code true} when the wrapper is a subclass of it
	 */
	public static boolean isSubclassable(Class<?> dataSourceType) {
		if (Modifier.isFinal(dataSourceType.getModifiers()) || !Modifier.isPublic(dataSourceType.getModifiers())
				|| dataSourceType.isSealed() || Proxy.isProxyClass(dataSourceType)) {
			return false;
		}
		for (Method method : dataSourceType.getMethods()) {
			if (Modifier.isFinal(method.getModifiers()) && method.getDeclaringClass() != Object.class
					&& !Modifier.isStatic(method.getModifiers())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The interfaces the wrapper of a DataSource of this type implements: every interface
	 * of the pool (so its MXBean interfaces stay reachable) and
	 * {@link MonitoredDataSource}.
	 * @param dataSourceType the pool's class
	 * @return the interfaces, in a stable order (native images need it for proxy hints)
	 */
	public static Class<?>[] proxyInterfaces(Class<?> dataSourceType) {
		Set<Class<?>> interfaces = new LinkedHashSet<>(ClassUtils.getAllInterfacesForClassAsSet(dataSourceType));
		interfaces.add(MonitoredDataSource.class);
		return interfaces.toArray(Class<?>[]::new);
	}

	static boolean isConnection(Method method) {
		return method.getName().equals("getConnection") && method.getReturnType() == Connection.class;
	}

	static String describe(String name, DataSource pool) {
		return "dbperf monitored DataSource '" + name + "' wrapping " + pool;
	}

	/**
	 * Sends {@code getConnection} to dbperf's lean proxies and everything else to the
	 * pool.
	 */
	private record ConnectionRouting(LeanConnections connections, DataSource target,
			String name) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			String methodName = method.getName();
			Object[] args = invocation.getArguments();
			if (isConnection(method)) {
				return this.connections.borrow(this.target, args);
			}
			if (method.getDeclaringClass() == MonitoredDataSource.class) {
				return this.name;
			}
			if (args.length == 1 && args[0] == MonitoredDataSource.class
					&& invocation instanceof ProxyMethodInvocation proxied) {
				// Another library's wrapper around this one can still find dbperf's.
				if (methodName.equals("isWrapperFor")) {
					return true;
				}
				if (methodName.equals("unwrap")) {
					return proxied.getProxy();
				}
			}
			if (methodName.equals("toString") && method.getParameterCount() == 0) {
				return describe(this.name, this.target);
			}
			return invocation.proceed();
		}

	}

}

package io.github.dbperf.capture;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.TargetClassAware;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AdvisedSupport;
import org.springframework.cglib.core.SpringNamingPolicy;
import org.springframework.cglib.proxy.Callback;
import org.springframework.cglib.proxy.CallbackFilter;
import org.springframework.cglib.proxy.Dispatcher;
import org.springframework.cglib.proxy.Enhancer;
import org.springframework.cglib.proxy.Factory;
import org.springframework.cglib.proxy.FixedValue;
import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.MethodProxy;
import org.springframework.cglib.proxy.NoOp;
import org.springframework.objenesis.SpringObjenesis;

/**
 * The wrapper that is a subclass of the pool's own class: generated code sends every
 * method straight to the pool (a CGLIB {@link Dispatcher}: no reflection, no invocation
 * object) except {@code getConnection}, which returns dbperf's lean connection proxy, and
 * the few methods that name the wrapper itself. It is also a Spring AOP proxy as far as
 * {@code AopProxyUtils} and {@code AopUtils} ask ({@link Advised} with the pool as its
 * singleton target), so Boot's unwrapping still reaches the pool.
 */
final class PoolSubclass {

	private static final int TO_POOL = 0;

	private static final int ROUTED = 1;

	private static final int TO_ADVISED = 2;

	private static final int NOT_OVERRIDDEN = 3;

	private static final int HASH_CODE = 4;

	private static final SpringObjenesis objenesis = new SpringObjenesis();

	private PoolSubclass() {
	}

	/**
	 * A subclass instance wrapping a pool.
	 * @param pool the pool
	 * @param name the name it is monitored under
	 * @param connections borrows and wraps the pool's connections
	 * @param interfaces the interfaces the wrapper implements besides the pool's class
	 * @return the wrapper
	 */
	static MonitoredDataSource wrap(DataSource pool, String name, LeanConnections connections, Class<?>[] interfaces) {
		Set<Class<?>> all = new LinkedHashSet<>(Arrays.asList(interfaces));
		all.add(SpringProxy.class);
		all.add(Advised.class);
		Enhancer enhancer = new Enhancer();
		enhancer.setSuperclass(pool.getClass());
		enhancer.setInterfaces(all.toArray(Class<?>[]::new));
		enhancer.setNamingPolicy(SpringNamingPolicy.INSTANCE);
		enhancer.setAttemptLoad(true);
		ClassLoader classLoader = pool.getClass().getClassLoader();
		if (classLoader != null) {
			enhancer.setClassLoader(classLoader);
		}
		enhancer.setCallbackFilter(Routes.INSTANCE);
		enhancer.setCallbackTypes(new Class<?>[] { Dispatcher.class, MethodInterceptor.class, Dispatcher.class,
				NoOp.class, FixedValue.class });
		Class<?> type = enhancer.createClass();
		Object wrapper = objenesis.newInstance(type, enhancer.getUseCache());
		AdvisedSupport advised = new AdvisedSupport(interfaces);
		advised.setTarget(pool);
		advised.setProxyTargetClass(true);
		// The wrapper's identity hash, boxed once: transaction synchronisation keys
		// resources by the
		// DataSource and asks for its hash code several times per transaction.
		Integer hashCode = System.identityHashCode(wrapper);
		((Factory) wrapper).setCallbacks(new Callback[] { (Dispatcher) () -> pool, new Routing(pool, name, connections),
				(Dispatcher) () -> advised, NoOp.INSTANCE, (FixedValue) () -> hashCode });
		return (MonitoredDataSource) wrapper;
	}

	/**
	 * Which callback a method goes to. Stateless, so that generated classes are shared.
	 */
	private static final class Routes implements CallbackFilter {

		static final Routes INSTANCE = new Routes();

		@Override
		public int accept(Method method) {
			String name = method.getName();
			Class<?> declaring = method.getDeclaringClass();
			if (name.equals("finalize") && method.getParameterCount() == 0) {
				return NOT_OVERRIDDEN;
			}
			if (name.equals("hashCode") && method.getParameterCount() == 0) {
				return HASH_CODE;
			}
			if (declaring == Advised.class || declaring == TargetClassAware.class) {
				return TO_ADVISED;
			}
			if (DataSourceWrapper.isConnection(method) || declaring == MonitoredDataSource.class
					|| (name.equals("toString") && method.getParameterCount() == 0)
					|| (name.equals("equals") && method.getParameterCount() == 1)
					|| ((name.equals("unwrap") || name.equals("isWrapperFor")) && method.getParameterCount() == 1)) {
				return ROUTED;
			}
			return Modifier.isProtected(method.getModifiers()) ? NOT_OVERRIDDEN : TO_POOL;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Routes;
		}

		@Override
		public int hashCode() {
			return Routes.class.hashCode();
		}

	}

	/**
	 * {@code getConnection} and the methods about the wrapper itself.
	 */
	private record Routing(DataSource pool, String name, LeanConnections connections) implements MethodInterceptor {

		@Override
		public Object intercept(Object wrapper, Method method, Object[] args, MethodProxy proxy) throws Throwable {
			if (DataSourceWrapper.isConnection(method)) {
				return this.connections.borrow(this.pool, args);
			}
			switch (method.getName()) {
				case "getDbPerfName":
					return this.name;
				case "toString":
					return DataSourceWrapper.describe(this.name, this.pool);
				case "equals":
					return wrapper == args[0];
				case "isWrapperFor":
					// JDBC: a wrapper of the requested type is one; another library's
					// wrapper around this
					// one can still find dbperf's.
					return ((Class<?>) args[0]).isInstance(wrapper) || this.pool.isWrapperFor((Class<?>) args[0]);
				case "unwrap":
					return ((Class<?>) args[0]).isInstance(wrapper) ? wrapper : this.pool.unwrap((Class<?>) args[0]);
				default:
					return proxy.invoke(this.pool, args);
			}
		}

	}

}

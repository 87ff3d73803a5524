package io.github.dbperf.attribution;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.data.domain.Pageable;

/**
 * Added to a Spring Data repository proxy: marks the repository method as in progress on
 * the calling thread while it runs, then tells the listeners how many statements it
 * issued.
 */
public final class RepositoryMethodInterceptor implements MethodInterceptor {

	private final String repository;

	private final Class<?> repositoryInterface;

	private final Class<?> domainType;

	private final List<RepositoryCallListener> listeners;

	private final UnitsOfWork units;

	private final ConcurrentHashMap<Method, RepositoryMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor for one repository.
	 * @param repositoryInterface the application's repository interface
	 * @param domainType the entity it manages
	 * @param listeners told about each finished call
	 * @param units the units of work of the repository's application context
	 */
	public RepositoryMethodInterceptor(Class<?> repositoryInterface, Class<?> domainType,
			List<RepositoryCallListener> listeners, UnitsOfWork units) {
		this.repository = repositoryInterface.getSimpleName();
		this.repositoryInterface = repositoryInterface;
		this.domainType = domainType;
		this.listeners = List.copyOf(listeners);
		this.units = units;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		if (method.getDeclaringClass() == Object.class) {
			return invocation.proceed();
		}
		CallContext context = Attribution.current();
		RepositoryMethod repositoryMethod = this.methods.computeIfAbsent(method,
				(m) -> new RepositoryMethod(this.repository, m.getName(),
						new RepositorySignature(this.repositoryInterface, this.domainType, m)));
		// Without any other unit of work, the outermost repository call is the unit.
		UnitOfWork implicitUnit = (context.unit() == null && context.depth() == 0)
				? this.units.begin(repositoryMethod.qualifiedName()) : null;
		context.push(repositoryMethod);
		context.pageSize(pageSize(invocation.getArguments()));
		try {
			return invocation.proceed();
		}
		finally {
			RepositoryCall call = context.pop();
			notifyListeners(call);
			if (implicitUnit != null) {
				implicitUnit.close();
			}
		}
	}

	private static int pageSize(Object[] arguments) {
		for (Object argument : arguments) {
			if (argument instanceof Pageable pageable && pageable.isPaged()) {
				return pageable.getPageSize();
			}
		}
		return 0;
	}

	private void notifyListeners(RepositoryCall call) {
		for (RepositoryCallListener listener : this.listeners) {
			try {
				listener.onRepositoryCall(call);
			}
			catch (RuntimeException | LinkageError ex) {
				this.units.failures().report("repository call listener", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "dbperf repository attribution for " + this.repository;
	}

}

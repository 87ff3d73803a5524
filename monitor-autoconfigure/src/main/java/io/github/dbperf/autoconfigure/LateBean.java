package io.github.dbperf.autoconfigure;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A bean that any auto-configuration may provide (a tracer), looked up once every
 * singleton exists, and before that each time it is asked for. Never per call after
 * startup: a bean factory lookup walks the candidates and their annotations, several
 * microseconds, which a unit of work or a statement must not pay (it cost a unit of one
 * statement about 5 µs when Micrometer Tracing was on the class path).
 *
 * @param <T> the bean's type
 */
final class LateBean<T> implements Supplier<T>, SmartInitializingSingleton {

	private final ObjectProvider<T> provider;

	private volatile T bean;

	private volatile boolean resolved;

	LateBean(ObjectProvider<T> provider) {
		this.provider = provider;
	}

	@Override
	public T get() {
		return this.resolved ? this.bean : this.provider.getIfUnique();
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.bean = this.provider.getIfUnique();
		this.resolved = true;
	}

}

package io.github.dbperf.attribution;

import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Hands dbperf's attribution to work that Micrometer's context propagation carries to
 * another thread (Spring's {@code ContextPropagatingTaskDecorator}, Reactor): statements
 * there count for the entry point that started the work. Registered through
 * {@code META-INF/services}.
 */
public final class AttributionThreadLocalAccessor implements ThreadLocalAccessor<Handoff> {

	/** The key this accessor is registered under. */
	public static final String KEY = "dbperf.attribution";

	private static final ThreadLocal<Deque<Handoff.Scope>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public Handoff getValue() {
		return Handoff.capture();
	}

	@Override
	public void setValue(Handoff value) {
		scopes.get().push(value.open());
	}

	@Override
	public void setValue() {
		Deque<Handoff.Scope> open = scopes.get();
		if (!open.isEmpty()) {
			open.pop().close();
		}
	}

	@Override
	public void restore(Handoff previousValue) {
		setValue();
	}

}

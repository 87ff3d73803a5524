package io.github.dbperf.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.github.dbperf.capture.StatementRecorders;

import org.springframework.beans.factory.DisposableBean;

/**
 * The statement recorders of the application contexts open now in this test JVM, for
 * {@link RecordedStatements#start()}, which is not told which context to record. Kept by
 * the test library, not by the starter: each context's registration (a bean of
 * {@link DbPerfTestAutoConfiguration}) adds its recorders when the context starts and
 * takes them away when it closes.
 */
final class OpenRecorders implements DisposableBean {

	private static final Set<StatementRecorders> open = new CopyOnWriteArraySet<>();

	private final StatementRecorders recorders;

	OpenRecorders(StatementRecorders recorders) {
		this.recorders = recorders;
		open.add(recorders);
	}

	/**
	 * The recorders of every application context open now.
	 * @return a snapshot
	 */
	static List<StatementRecorders> now() {
		return List.copyOf(open);
	}

	@Override
	public void destroy() {
		open.remove(this.recorders);
	}

}

package io.github.dbperf;

import io.github.dbperf.attribution.UnitOfWork;

/**
 * What application code can ask of dbperf directly.
 */
public final class DbPerf {

	private DbPerf() {
	}

	/**
	 * Open a unit of work on the calling thread, for work that is neither an HTTP request
	 * nor a {@code @Scheduled} run (a batch job, a message listener). Statements inside
	 * it are counted per unit, attributed to {@code name}, and checked for N+1 patterns
	 * when it closes: <pre class="code">
	 * try (Scope scope = DbPerf.scope("nightly-import")) {
	 *     importer.run();
	 * }
	 * </pre>
	 * @param name the entry point name: a constant (it becomes a metric tag), never user
	 * input
	 * @return the scope, closed by try-with-resources on the same thread
	 */
	public static Scope scope(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A dbperf scope needs a name");
		}
		return new Scope(UnitOfWork.begin(name));
	}

}

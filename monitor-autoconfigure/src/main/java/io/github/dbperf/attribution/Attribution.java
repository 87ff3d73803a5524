package io.github.dbperf.attribution;

/**
 * Access to the calling thread's {@link CallContext}.
 */
public final class Attribution {

	private static final ThreadLocal<CallContext> CONTEXT = ThreadLocal.withInitial(CallContext::new);

	private Attribution() {
	}

	/**
	 * The calling thread's context.
	 * @return the context, never {@code null}
	 */
	public static CallContext current() {
		return CONTEXT.get();
	}

	/**
	 * Start the calling thread from a clean state (a request on a pooled thread).
	 * @return whether a unit of work or repository call was left open on it
	 */
	static boolean clear() {
		return CONTEXT.get().clear();
	}

}

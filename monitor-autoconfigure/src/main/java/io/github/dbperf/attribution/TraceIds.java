package io.github.dbperf.attribution;

import org.jspecify.annotations.Nullable;

/**
 * The trace the calling thread works in, when the application traces (Micrometer
 * Tracing): what a slow query or a finding carries so that it can be found among the
 * traces. Asked only when one is made, never per statement.
 */
@FunctionalInterface
public interface TraceIds {

	/** No tracer: no trace. */
	TraceIds NONE = () -> null;

	/**
	 * The current trace.
	 * @return its ids, or {@code null} when the thread works in none
	 */
	@Nullable TraceId current();

	/**
	 * A trace and the span of it the thread was in.
	 *
	 * @param traceId the trace id
	 * @param spanId the span id
	 */
	record TraceId(String traceId, String spanId) {

	}

}

package io.github.dbperf.attribution;

import org.jspecify.annotations.Nullable;

/**
 * The trace the calling thread works in, when the application traces (Micrometer
 * Tracing): what a slow query or a finding carries so that it can be found among the
 * traces. Asked only when one is made, never per statement (but for {@link #traceparent}
 * when the user asks for it in SQL comments).
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
	 * The current trace in the W3C {@code traceparent} form, for SQL comments (asked per
	 * statement, only when {@code dbperf.sql-comments.traceparent=true}).
	 * @return {@code 00-<trace id>-<span id>-<flags>}, or {@code null} when the thread
	 * works in none
	 */
	default @Nullable String traceparent() {
		return null;
	}

	/**
	 * A trace and the span of it the thread was in.
	 *
	 * @param traceId the trace id
	 * @param spanId the span id
	 */
	record TraceId(String traceId, String spanId) {

	}

}

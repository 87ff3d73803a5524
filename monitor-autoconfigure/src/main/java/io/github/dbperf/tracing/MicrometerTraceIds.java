package io.github.dbperf.tracing;

import java.util.function.Supplier;

import io.github.dbperf.attribution.TraceIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The current trace as Micrometer Tracing's {@link Tracer} knows it (with the
 * OpenTelemetry or the Brave bridge).
 */
public final class MicrometerTraceIds implements TraceIds {

	private final Supplier<Tracer> tracer;

	/**
	 * Create the trace ids of an application.
	 * @param tracer its tracer, asked for when a slow query or a finding is made
	 * ({@code null} when it has none)
	 */
	public MicrometerTraceIds(Supplier<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable TraceId current() {
		Tracer tracer = this.tracer.get();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		return new TraceId(span.context().traceId(), span.context().spanId());
	}

	@Override
	public @Nullable String traceparent() {
		Tracer tracer = this.tracer.get();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId()
				+ (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
	}

}

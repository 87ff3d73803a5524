package io.github.dbperf.tracing;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.findings.FindingKind;
import io.github.dbperf.findings.FindingReporter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.core.Ordered;

/**
 * When a unit of work ends, puts dbperf's summary of it on the span the thread is in (for
 * a request, the server span): {@code dbperf.statements}, {@code dbperf.db_millis},
 * {@code dbperf.entities_loaded} and, when it made any, {@code dbperf.findings}
 * ({@code N_PLUS_ONE,DUPLICATE}), so that "every trace with an N+1" is a tag search. Span
 * attributes only: never metric tags. Runs after the detectors (lowest precedence), once
 * per unit, never per statement.
 */
public final class SpanSummary implements UnitOfWorkListener, Ordered {

	private final Supplier<Tracer> tracer;

	private final FindingReporter reporter;

	/**
	 * Create a summary.
	 * @param tracer the application's tracer, asked for when a unit ends ({@code null}
	 * when it has none)
	 * @param reporter knows the kinds of finding each unit made
	 */
	public SpanSummary(Supplier<Tracer> tracer, FindingReporter reporter) {
		this.tracer = tracer;
		this.reporter = reporter;
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		Tracer tracer = this.tracer.get();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null || span.isNoop()) {
			return;
		}
		span.tag("dbperf.statements", String.valueOf(unit.statements()));
		span.tag("dbperf.db_millis", String.format(Locale.ROOT, "%.3f", unit.dbNanos() / 1e6));
		span.tag("dbperf.entities_loaded", String.valueOf(unit.entities()));
		Set<FindingKind> kinds = this.reporter.kindsOf(unit);
		if (!kinds.isEmpty()) {
			span.tag("dbperf.findings", kinds.stream().map(Enum::name).collect(Collectors.joining(",")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

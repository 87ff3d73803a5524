package io.github.dbperf.tracing;

import java.util.List;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;
import io.github.dbperf.attribution.TraceIds;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Micrometer Tracing (the OpenTelemetry bridge over the OpenTelemetry SDK and its
 * in-memory exporter), what dbperf reports carries the trace it was seen in, and the span
 * a unit of work ran in gets dbperf's summary; without a tracer nothing changes.
 */
class TraceContextTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final Tracer tracer = tracer(this.exporter);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues(Engine.H2.dataSourceProperties())
		.withPropertyValues("dbperf.slow-query.threshold=10ms", "dbperf.slow-query.log=false");

	@Test
	void findingsAndSlowQueriesCarryTheirTraceAndTheSpanGetsTheSummary() {
		this.contextRunner.withBean(Tracer.class, () -> this.tracer).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			Span request = this.tracer.nextSpan().name("GET /report").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
				try (Scope unit = DbPerf.scope("report")) {
					for (int i = 0; i < 6; i++) {
						authors.findByName("author" + i);
					}
					// At least 20 ms whatever the machine: slow at 10 ms.
					authors.sleep(20);
				}
			}
			finally {
				request.end();
			}
			String traceId = request.context().traceId();
			Finding finding = context.getBean(Findings.class)
				.snapshot()
				.stream()
				.filter((candidate) -> candidate.entrypoint().equals("report"))
				.findFirst()
				.orElseThrow();
			assertThat(finding.traceId()).isEqualTo(traceId);
			assertThat(finding.spanId()).isEqualTo(request.context().spanId());
			// The slow statements of the traced unit (the sleep at least; on a loaded
			// machine a
			// startup statement can pass 10 ms too, outside any trace).
			List<SlowQuery> slow = context.getBean(SlowQueryLog.class)
				.recent()
				.stream()
				.filter((query) -> query.entrypoint().equals("report"))
				.toList();
			assertThat(slow).isNotEmpty().allSatisfy((query) -> assertThat(query.traceId()).isEqualTo(traceId));
			SpanData span = this.exporter.getFinishedSpanItems()
				.stream()
				.filter((data) -> data.getName().equals("GET /report"))
				.findFirst()
				.orElseThrow();
			assertThat(span.getAttributes().get(AttributeKey.stringKey("dbperf.findings"))).isEqualTo("N_PLUS_ONE");
			assertThat(Integer.parseInt(span.getAttributes().get(AttributeKey.stringKey("dbperf.statements"))))
				.isGreaterThanOrEqualTo(7);
			assertThat(Double.parseDouble(span.getAttributes().get(AttributeKey.stringKey("dbperf.db_millis"))))
				.isGreaterThanOrEqualTo(20);
			assertThat(span.getAttributes().get(AttributeKey.stringKey("dbperf.entities_loaded"))).isEqualTo("0");
		});
	}

	@Test
	void outsideAnyTraceNothingIsAdded() {
		this.contextRunner.withBean(Tracer.class, () -> this.tracer).run((context) -> {
			try (Scope unit = DbPerf.scope("untraced")) {
				for (int i = 0; i < 6; i++) {
					context.getBean(AuthorRepository.class).findByName("author" + i);
				}
			}
			assertThat(context.getBean(Findings.class).snapshot()).singleElement()
				.satisfies((finding) -> assertThat(finding.traceId()).isNull());
			assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		});
	}

	@Test
	void withoutMicrometerTracingTheTraceIdsAreNone() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TraceIds.class).doesNotHaveBean(SpanSummary.class);
			try (Scope unit = DbPerf.scope("untraced")) {
				for (int i = 0; i < 6; i++) {
					context.getBean(AuthorRepository.class).findByName("author" + i);
				}
			}
			assertThat(context.getBean(Findings.class).snapshot()).singleElement()
				.satisfies((finding) -> assertThat(finding.traceId()).isNull());
		});
	}

	@Test
	void theDashboardLinksAFindingAndASlowQueryToTheirTrace() throws Exception {
		try (RunningApplication application = RunningApplication.start(TracedApplication.class, Engine.H2,
				"dbperf.tracing.trace-url=https://tempo.example/trace/{traceId}", "dbperf.slow-query.threshold=10ms",
				"dbperf.slow-query.log=false")) {
			Tracer tracer = application.bean(Tracer.class);
			Span request = tracer.nextSpan().name("nightly import").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(request); Scope unit = DbPerf.scope("import")) {
				for (int i = 0; i < 6; i++) {
					application.bean(AuthorRepository.class).findByName("author" + i);
				}
				application.bean(AuthorRepository.class).sleep(20);
			}
			finally {
				request.end();
			}
			String page = application.get("/actuator/dbperf?window=all", "text/html").body();
			String link = "<a class=\"trace\" href=\"https://tempo.example/trace/" + request.context().traceId()
					+ "\">trace</a>";
			assertThat(section(page, "findings-table")).contains(link);
			assertThat(section(page, "slow-queries")).contains(link);
		}
	}

	/** The table of a page with this id. */
	private static String section(String page, String id) {
		int start = page.indexOf("<table id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return page.substring(start, page.indexOf("</table>", start));
	}

	/**
	 * The test application with a tracer of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@Import(TestApplication.class)
	static class TracedApplication {

		@Bean
		Tracer tracer() {
			return TraceContextTests.tracer(InMemorySpanExporter.create());
		}

	}

	static Tracer tracer(InMemorySpanExporter exporter) {
		SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build();
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		return new OtelTracer(provider.get("dbperf-test"), current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
	}

}

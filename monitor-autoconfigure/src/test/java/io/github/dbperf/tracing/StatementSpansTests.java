package io.github.dbperf.tracing;

import java.util.List;

import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.SqlQuoting;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code dbperf.tracing.spans=true}, each statement run inside a span is a child
 * span of it, named and attributed by OpenTelemetry's database conventions and dbperf's
 * own; off by default; nothing outside a span.
 */
class StatementSpansTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final Tracer tracer = TraceContextTests.tracer(this.exporter);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withBean(Tracer.class, () -> this.tracer);

	@ParameterizedTest
	@EnumSource(Engine.class)
	void eachStatementInASpanIsAChildSpanWithTheDatabaseConventionsAndTheRepositoryMethod(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("dbperf.tracing.spans=true")
			.run((context) -> {
				AuthorRepository authors = context.getBean(AuthorRepository.class);
				Span request = this.tracer.nextSpan().name("GET /authors").start();
				try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
					authors.findByName("Le Guin");
				}
				finally {
					request.end();
				}
				SpanData statement = statementSpans().stream()
					.filter((span) -> span.getTraceId().equals(request.context().traceId()))
					.findFirst()
					.orElseThrow();
				assertThat(statement.getParentSpanId()).isEqualTo(request.context().spanId());
				assertThat(statement.getKind()).isEqualTo(SpanKind.CLIENT);
				assertThat(statement.getName()).isEqualTo("SELECT author");
				assertThat(attribute(statement, "db.system.name")).isEqualTo(switch (engine) {
					case H2 -> "h2database";
					case POSTGRES -> "postgresql";
					case MARIADB -> "mariadb";
				});
				assertThat(attribute(statement, "db.operation.name")).isEqualTo("SELECT");
				assertThat(attribute(statement, "db.query.summary")).isEqualTo("SELECT author");
				assertThat(attribute(statement, "db.collection.name")).isEqualTo("author");
				assertThat(attribute(statement, "db.query.text")).startsWith("select ")
					.contains("where a1_0.name=?")
					.doesNotContain("Le Guin");
				assertThat(attribute(statement, "code.function.name"))
					.isEqualTo(AuthorRepository.class.getName() + ".findByName");
				assertThat(attribute(statement, "dbperf.orm.cause")).isEqualTo("query");
				assertThat(statement.getEndEpochNanos()).isGreaterThanOrEqualTo(statement.getStartEpochNanos());
			});
	}

	@Test
	void withoutTheSettingOrOutsideAnySpanNoStatementSpanIsMade() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			assertThat(context).doesNotHaveBean(StatementSpans.class);
			Span request = this.tracer.nextSpan().name("GET /authors").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
				context.getBean(AuthorRepository.class).findByName("Le Guin");
			}
			finally {
				request.end();
			}
			assertThat(statementSpans()).isEmpty();
		});
		this.exporter.reset();
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.tracing.spans=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(StatementSpans.class);
				context.getBean(AuthorRepository.class).findByName("Le Guin");
				assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
			});
	}

	@Test
	void theSummaryNamesTheOperationAndItsTablesInOrderAndTheOneTableAsTheCollection() {
		SqlFingerprinter fingerprinter = new SqlFingerprinter();
		StatementSpans.Summary join = StatementSpans.Summary.of(fingerprinter.fingerprint(
				"select b.id from book b join author a on a.id = b.author_id where a.name = 'x'", SqlQuoting.STANDARD));
		assertThat(join.text()).isEqualTo("SELECT book author");
		assertThat(join.collection()).isNull();
		StatementSpans.Summary insert = StatementSpans.Summary
			.of(fingerprinter.fingerprint("insert into book (title) values ('a')", SqlQuoting.STANDARD));
		assertThat(insert.text()).isEqualTo("INSERT book");
		assertThat(insert.collection()).isEqualTo("book");
		assertThat(StatementSpans.Summary.of(fingerprinter.fingerprint("commit", SqlQuoting.STANDARD)).text())
			.isEqualTo("OTHER");
	}

	@Test
	void theDatabaseIsNamedAsTheConventionsNameIt() {
		assertThat(StatementSpans.systemName("PostgreSQL")).isEqualTo("postgresql");
		assertThat(StatementSpans.systemName("Microsoft SQL Server")).isEqualTo("microsoft.sql_server");
		assertThat(StatementSpans.systemName(null)).isEqualTo("other_sql");
		assertThat(StatementSpans.systemName("Informix")).isEqualTo("other_sql");
	}

	private List<SpanData> statementSpans() {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getKind() == SpanKind.CLIENT)
			.toList();
	}

	private static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

}

package io.github.dbperf.tracing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlParts;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.internal.BoundedCaches;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * A span per statement, a child of the span the thread is in, named and attributed by the
 * OpenTelemetry database conventions ({@code db.system.name}, {@code db.operation.name},
 * {@code db.collection.name}, {@code db.query.summary}, {@code db.query.text} as the
 * fingerprint, never values; {@code db.operation.batch.size}, {@code error.type}) plus
 * what only dbperf knows: the repository method ({@code code.function.name}), the ORM
 * cause and association, the entry point. Made after the statement, from its event, with
 * its real start and end; nothing when the thread is in no span. The summary of a
 * fingerprint is read once (bounded cache).
 */
public final class StatementSpans implements OwnSink {

	private static final int MAX_SUMMARIES = 2048;

	private static final int MAX_TABLES = 3;

	/**
	 * What a driver's product name contains, and the conventions' name for it, in order.
	 */
	private static final Map<String, String> SYSTEMS = orderedSystems();

	private final Supplier<Tracer> tracer;

	private final Function<String, String> products;

	private final Map<String, Summary> summaries = BoundedCaches.<String, Summary>ofSize(MAX_SUMMARIES, null).asMap();

	/**
	 * Create the spans.
	 * @param tracer the application's tracer, asked for per statement ({@code null} when
	 * it has none)
	 * @param products the database product of a DataSource by its name
	 * ({@code PostgreSQL}), {@code null} until known
	 */
	public StatementSpans(Supplier<Tracer> tracer, Function<String, String> products) {
		this.tracer = tracer;
		this.products = products;
	}

	@Override
	public void accept(StatementEvent event) {
		Tracer tracer = this.tracer.get();
		Span parent = (tracer != null) ? tracer.currentSpan() : null;
		if (parent == null || parent.isNoop()) {
			return;
		}
		Instant now = Instant.now();
		long end = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
		long start = end - event.elapsedNanos() / 1_000;
		Summary summary = summary(event.fingerprint());
		Span.Builder span = tracer.spanBuilder()
			.setParent(parent.context())
			.name(summary.text())
			.kind(Span.Kind.CLIENT)
			.startTimestamp(start, TimeUnit.MICROSECONDS)
			.tag("db.system.name", systemName(this.products.apply(event.dataSource())))
			.tag("db.operation.name", summary.operation())
			.tag("db.query.summary", summary.text())
			.tag("db.query.text", event.fingerprint().sql())
			.tag("dbperf.statement.id", event.fingerprint().id())
			.tag("dbperf.entrypoint", event.entrypoint())
			.tag("dbperf.datasource", event.dataSource());
		if (summary.collection() != null) {
			span.tag("db.collection.name", summary.collection());
		}
		if (event.batchSize() > 1) {
			span.tag("db.operation.batch.size", (long) event.batchSize());
		}
		if (!event.isSuccess()) {
			// The exception is the application's to handle; dbperf only knows it failed.
			span.tag("error.type", "_OTHER");
		}
		RepositoryMethod method = event.repositoryMethod();
		if (!method.equals(RepositoryMethod.NONE)) {
			span.tag("code.function.name", functionName(method));
		}
		OrmCause cause = event.cause();
		if (cause != null && cause.kind() != OrmCause.Kind.JDBC) {
			span.tag("dbperf.orm.cause", cause.kind().value());
			if (cause.role() != null) {
				span.tag("dbperf.orm.association", cause.role());
			}
		}
		span.start().end(end, TimeUnit.MICROSECONDS);
	}

	private Summary summary(SqlFingerprint fingerprint) {
		Summary summary = this.summaries.get(fingerprint.id());
		if (summary == null) {
			summary = Summary.of(fingerprint);
			this.summaries.put(fingerprint.id(), summary);
		}
		return summary;
	}

	/**
	 * The fully qualified name of a repository method when its interface is known, else
	 * {@code Repository.method}.
	 */
	private static String functionName(RepositoryMethod method) {
		return (method.signature() != null) ? method.signature().repositoryInterface().getName() + "." + method.method()
				: method.qualifiedName();
	}

	/**
	 * The conventions' name of a database product ({@code db.system.name}).
	 * @param product the driver's product name, or {@code null}
	 * @return {@code postgresql}, {@code mariadb}, ..., {@code other_sql}
	 */
	static String systemName(@Nullable String product) {
		if (product == null) {
			return "other_sql";
		}
		String name = product.toLowerCase(Locale.ROOT);
		if (name.equals("h2")) {
			return "h2database";
		}
		for (Map.Entry<String, String> system : SYSTEMS.entrySet()) {
			if (name.contains(system.getKey())) {
				return system.getValue();
			}
		}
		return "other_sql";
	}

	private static Map<String, String> orderedSystems() {
		Map<String, String> systems = new LinkedHashMap<>();
		systems.put("postgres", "postgresql");
		systems.put("mariadb", "mariadb");
		systems.put("mysql", "mysql");
		systems.put("microsoft sql server", "microsoft.sql_server");
		systems.put("oracle", "oracle.db");
		systems.put("hsql", "hsqldb");
		systems.put("derby", "derby");
		systems.put("db2", "ibm.db2");
		systems.put("sqlite", "sqlite");
		return Collections.unmodifiableMap(systems);
	}

	/**
	 * What a statement's span is named by: its operation and the tables it names, in the
	 * order they appear (at most three), e.g. {@code SELECT book author}.
	 *
	 * @param text the summary
	 * @param operation the operation, upper case
	 * @param collection the one table it names, or {@code null}
	 */
	record Summary(String text, String operation, @Nullable String collection) {

		static Summary of(SqlFingerprint fingerprint) {
			String operation = fingerprint.operation().tagValue().toUpperCase(Locale.ROOT);
			List<String> tables = new ArrayList<>();
			for (SqlParts.Part part : SqlParts.of(fingerprint.sql())) {
				if (part.kind() == SqlParts.Kind.TABLE && !tables.contains(part.text()) && tables.size() < MAX_TABLES) {
					tables.add(part.text());
				}
			}
			String text = tables.isEmpty() ? operation : operation + " " + String.join(" ", tables);
			return new Summary(text, operation, (tables.size() == 1) ? tables.get(0) : null);
		}

	}

}

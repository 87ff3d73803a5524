package io.github.dbperf.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.StatementSink;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.findings.RepetitionCounter;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;

import org.springframework.context.ApplicationContext;

/**
 * The statements that the monitored DataSources of an application context executed, on
 * any thread, between {@code start} and {@link #stop()} (or {@link #close()}).
 * {@link #start(ApplicationContext)} records one context's; {@link #start()} those of
 * every context open now (in a test with one context, the same). <pre class="code">
 * try (RecordedStatements recorded = RecordedStatements.start()) {
 *     service.listAuthors();
 *     DbPerfAssertions.assertThat(recorded).hasSelectCount(1).hasNoNPlusOne();
 * }
 * </pre>
 */
public final class RecordedStatements implements AutoCloseable {

	/** The repetitions of one SELECT that {@link #nPlusOne()} reports by default. */
	public static final int DEFAULT_N_PLUS_ONE_THRESHOLD = 5;

	private final List<RecordedStatement> statements = Collections.synchronizedList(new ArrayList<>());

	private final List<StatementRecorders> sources;

	private final CallSites callSites;

	private final StatementSink recorder;

	/** Rows read per recorded query, by the identity of its event. */
	private final Map<StatementEvent, Long> rows = Collections.synchronizedMap(new IdentityHashMap<>());

	private final RecordedConnections connections;

	private RecordedStatements(List<StatementRecorders> sources, CallSites callSites, List<Connections> connections) {
		this.connections = new RecordedConnections(connections);
		this.sources = sources;
		this.callSites = callSites;
		this.recorder = new StatementSink() {

			@Override
			public void accept(StatementEvent event) {
				RecordedStatements.this.statements.add(new RecordedStatement(event, callSites.current()));
			}

			@Override
			public void rowsRead(StatementEvent event, long rows) {
				RecordedStatements.this.rows.put(event, rows);
			}

		};
		for (StatementRecorders source : sources) {
			source.add(this.recorder);
		}
	}

	/**
	 * Start recording the statements of every application context open now that Spring
	 * Boot's auto-configuration set up (with {@code dbperf-test} on its class path); a
	 * context built otherwise is recorded with {@link #start(ApplicationContext)}.
	 * @return the recording
	 */
	public static RecordedStatements start() {
		return new RecordedStatements(OpenRecorders.now(), new CallSites(List.of()), List.of());
	}

	/**
	 * Start recording the statements of one application context.
	 * @param context the context (in a Spring test, the test's)
	 * @return the recording
	 */
	public static RecordedStatements start(ApplicationContext context) {
		CallSites callSites = context.getBeanProvider(CallSites.class).getIfAvailable(() -> new CallSites(List.of()));
		return new RecordedStatements(List.copyOf(context.getBeansOfType(StatementRecorders.class).values()), callSites,
				List.copyOf(context.getBeansOfType(Connections.class).values()));
	}

	/**
	 * Stop recording; what was recorded stays.
	 * @return this recording
	 */
	public RecordedStatements stop() {
		for (StatementRecorders source : this.sources) {
			source.remove(this.recorder);
		}
		this.connections.stop();
		return this;
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * Everything recorded, in order.
	 * @return a copy
	 */
	public List<RecordedStatement> statements() {
		synchronized (this.statements) {
			return List.copyOf(this.statements);
		}
	}

	public long count(Operation operation) {
		return statements().stream().filter((statement) -> statement.event().operation() == operation).count();
	}

	public int count() {
		return this.statements.size();
	}

	/**
	 * Statements issued inside one repository method.
	 * @param repositoryMethod {@code Repository.method}
	 * @return the count
	 */
	public long countFor(String repositoryMethod) {
		return statements().stream()
			.filter((statement) -> statement.event().repositoryMethod().qualifiedName().equals(repositoryMethod))
			.count();
	}

	/**
	 * N+1 patterns in the recording, with the default threshold.
	 * @return the occurrences
	 */
	public List<Occurrence> nPlusOne() {
		return nPlusOne(DEFAULT_N_PLUS_ONE_THRESHOLD);
	}

	/**
	 * N+1 patterns in the recording: a SELECT repeated {@code threshold} times within one
	 * entry point, judged as dbperf's detector judges a unit of work.
	 * @param threshold the repetitions that make a finding
	 * @return the occurrences
	 */
	public List<Occurrence> nPlusOne(int threshold) {
		Map<String, RepetitionCounter> byEntrypoint = new LinkedHashMap<>();
		for (RecordedStatement statement : statements()) {
			StatementEvent event = statement.event();
			byEntrypoint
				.computeIfAbsent(event.entrypoint(), (entrypoint) -> new RepetitionCounter(threshold, this.callSites))
				.count(event, event.parametersHash());
		}
		return byEntrypoint.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().occurrences(entry.getKey()).stream())
			.toList();
	}

	/**
	 * The rows the application read from a recorded query's result set.
	 * @param statement the statement
	 * @return the rows, or -1 when not known (not a query, or not read yet)
	 */
	public long rowsOf(RecordedStatement statement) {
		Long read = this.rows.get(statement.event());
		return (read != null) ? read : statement.event().rows();
	}

	/**
	 * Statements the ORM ran to load an entity or an association.
	 * @param role {@code Author} (entity loads) or {@code Author.books} (collection
	 * loads)
	 * @return the count
	 */
	public long loads(String role) {
		return statements().stream()
			.filter((statement) -> statement.event().cause().isLoad() && role.equals(statement.event().cause().role()))
			.count();
	}

	/**
	 * The connections recorded: those of one application context
	 * ({@link #start(ApplicationContext)}, as in every Spring test with
	 * {@link DbPerfExtension}), never of {@link #start()}.
	 * @return the connections
	 */
	RecordedConnections connections() {
		return this.connections;
	}

	/**
	 * Connections borrowed from the pools while recording.
	 * @return the count, 0 when connections are not recorded
	 */
	public int connectionCount() {
		return this.connections.borrows();
	}

	/**
	 * Every recorded statement, one per line, for failure messages.
	 * @return the listing
	 */
	public String describe() {
		List<RecordedStatement> statements = statements();
		if (statements.isEmpty()) {
			return "  (no statements)";
		}
		return statements.stream().map((statement) -> "  " + statement.describe()).collect(Collectors.joining("\n"));
	}

}

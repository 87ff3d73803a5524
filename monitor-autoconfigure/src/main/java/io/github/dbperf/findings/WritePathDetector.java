package io.github.dbperf.findings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.dbperf.attribution.Attribution;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.internal.BoundedCaches;

import org.springframework.core.Ordered;

/**
 * Finds what the ORM's writes cost in one unit of work: the same insert, update or delete
 * sent one by one, outside JDBC batches; the foreign-key update that follows each insert
 * of a unidirectional {@code @OneToMany}; a bag collection deleted and inserted again
 * whole. Counts on the unit's own thread; a SELECT costs one comparison; a write's text
 * is read once per fingerprint (bounded cache), not per execution.
 */
public final class WritePathDetector implements OwnSink, UnitOfWorkListener, Ordered {

	private static final int MAX_STATEMENTS = 2048;

	private final FindingReporter reporter;

	private final Map<String, Optional<WriteStatement>> statements = BoundedCaches
		.<String, Optional<WriteStatement>>ofSize(MAX_STATEMENTS, null)
		.asMap();

	private final Supplier<WriteCounter> newCounter;

	/**
	 * Create a detector.
	 * @param threshold executions of one write outside a batch in one unit that make a
	 * finding
	 * @param reporter where findings go
	 * @param callSites finds the application's line that wrote
	 * @param mappings what the ORM keeps in each table
	 */
	public WritePathDetector(int threshold, FindingReporter reporter, CallSites callSites, WriteMappings mappings) {
		this.reporter = reporter;
		this.newCounter = () -> new WriteCounter(threshold, callSites, mappings, this::statement);
	}

	@Override
	public void accept(StatementEvent event) {
		Operation operation = event.operation();
		if ((operation != Operation.INSERT && operation != Operation.UPDATE && operation != Operation.DELETE)
				|| !event.isSuccess()) {
			return;
		}
		UnitOfWork unit = Attribution.current().unit();
		if (unit != null) {
			unit.<WriteCounter>attachment(this, this.newCounter).count(event);
		}
	}

	private WriteStatement statement(SqlFingerprint fingerprint) {
		Optional<WriteStatement> statement = this.statements.get(fingerprint.id());
		if (statement == null) {
			statement = Optional.ofNullable(WriteStatement.of(fingerprint.operation(), fingerprint.sql()));
			this.statements.put(fingerprint.id(), statement);
		}
		return statement.orElse(null);
	}

	@Override
	public void onUnitOfWorkEnd(UnitOfWork unit) {
		WriteCounter counter = unit.attachment(this);
		if (counter == null) {
			return;
		}
		List<Occurrence> occurrences = counter.occurrences(unit.entrypoint());
		for (Occurrence occurrence : occurrences) {
			this.reporter.report(occurrence, unit);
		}
	}

	/**
	 * Before the listeners that read what a unit found (its span's summary).
	 * @return just above the lowest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}

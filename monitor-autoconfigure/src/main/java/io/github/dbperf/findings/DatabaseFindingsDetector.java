package io.github.dbperf.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.database.DatabaseFindings;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import io.github.dbperf.internal.BoundedCaches;
import io.github.dbperf.statistics.DatabaseFigures;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;

/**
 * Findings from the database's own figures of a statement, each reported once:
 * {@code ROWS_EXAMINED} (at least {@value #EXAMINED_RATIO} rows examined per row
 * returned), {@code NO_INDEX} (most executions without an index, reading at least
 * {@value #NO_INDEX_ROWS} rows each), {@code DISK_READS} (most blocks from disk, at least
 * {@value #DISK_BLOCKS}). All need {@value #MIN_CALLS} executions, so that one cold run
 * is no finding.
 */
public final class DatabaseFindingsDetector implements DatabaseFindings {

	static final int MIN_CALLS = 5;

	static final int EXAMINED_RATIO = 100;

	static final int NO_INDEX_ROWS = 1000;

	static final int DISK_BLOCKS = 1000;

	private final FindingReporter reporter;

	private final StatementStatistics statistics;

	private final StatementCallSites callSites;

	private final Map<String, Boolean> reported = BoundedCaches.<String, Boolean>ofSize(10_000, null).asMap();

	public DatabaseFindingsDetector(FindingReporter reporter, StatementStatistics statistics,
			StatementCallSites callSites) {
		this.reporter = reporter;
		this.statistics = statistics;
		this.callSites = callSites;
	}

	@Override
	public void examine(String id, DatabaseFigures figures) {
		if (figures.calls() < MIN_CALLS) {
			return;
		}
		long returned = Math.max(figures.rows(), 1);
		Long examined = figures.rowsExamined();
		if (examined != null && examined >= EXAMINED_RATIO * returned) {
			report(id, FindingKind.ROWS_EXAMINED, figures.rows(),
					List.of("The database examined " + examined + " rows to return " + figures.rows() + " in "
							+ figures.calls() + " executions: add an index that covers its WHERE clause (and its "
							+ "ORDER BY) so that it reads only the rows it returns",
							"Look at its plan (dbperf.explain.enabled=true shows it on the statement's page)"));
		}
		Long noIndex = figures.noIndexUsed();
		if (noIndex != null && examined != null && 2 * noIndex >= figures.calls()
				&& examined / figures.calls() >= NO_INDEX_ROWS) {
			report(id, FindingKind.NO_INDEX, figures.rows(),
					List.of("The database used no index in " + noIndex + " of " + figures.calls()
							+ " executions, reading " + examined / figures.calls()
							+ " rows each: add an index on the columns of its WHERE " + "clause or join",
							"If it must read the whole table, page it or cache its result"));
		}
		Long read = figures.sharedBlocksRead();
		Long hit = figures.sharedBlocksHit();
		if (read != null && hit != null && read >= DISK_BLOCKS && read >= hit) {
			report(id, FindingKind.DISK_READS, figures.rows(), List.of(
					read + " of its " + (read + hit) + " blocks came from disk: it reads more than the buffer cache "
							+ "holds; an index that lets it read fewer blocks, or fewer rows and columns, helps most",
					"If the table is read this way on purpose and often, give shared_buffers more memory"));
		}
	}

	private void report(String id, FindingKind kind, long rows, List<String> suggestions) {
		if (this.reported.putIfAbsent(kind + " " + id, Boolean.TRUE) != null) {
			return;
		}
		SqlFingerprint fingerprint = this.statistics.fingerprint(id);
		StatementSnapshot statement = this.statistics.get(id);
		if (fingerprint == null || statement == null) {
			return;
		}
		List<String> all = new ArrayList<>(suggestions);
		if (statement.entrypoints().size() > 1) {
			all.add("Entry points that run it: " + String.join(", ", statement.entrypoints()));
		}
		this.reporter.report(new Occurrence(fingerprint, statement.mainEntrypoint(), statement.mainRepositoryMethod(),
				this.callSites.callSiteOf(id), 1, null, kind, null, List.copyOf(all), rows));
	}

	/**
	 * Forget what was reported, so that it is reported again.
	 */
	public void reset() {
		this.reported.clear();
	}

}

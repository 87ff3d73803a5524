package io.github.dbperf.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.dbperf.database.DatabaseView;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.AssociationSnapshot;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.RepositorySnapshot;
import io.github.dbperf.statistics.StatementSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The whole report of {@code GET /actuator/dbperf}.
 *
 * @param summary what the window added up to: statements, database time, errors, slow
 * statements and findings by kind
 * @param datasources the monitored DataSources
 * @param statistics the state of the statistics store
 * @param slowQueries recent slow statements, newest first
 * @param topStatements statements ranked by the requested order
 * @param findings findings of every kind: regressions in force, then the others, most
 * frequent first
 * @param associations per entity and association: the statements its loads caused
 * @param repositories repository methods, most database time first
 * @param window the span top statements, repositories and entry points cover ({@code 1m},
 * {@code 5m}, {@code 15m}, {@code 1h}: those whole minutes and the one in progress;
 * {@code all}: since start)
 * @param entrypoints entry points (route templates, scheduled tasks, scopes), most
 * database time first
 * @param startup statements run only before the application was ready (left out of the
 * top statements unless {@code include=startup}), most time first
 * @param database what dbperf reads of each DataSource's database (server-side statement
 * statistics), empty when {@code dbperf.database-statistics.enabled=false}
 * @param mappings what the mappings and settings will cost, read at startup, with the
 * runtime findings each explains
 * @param connections per DataSource: its pool now, and the connections each entry point
 * borrowed in the window (wait, time held, idle in transactions), empty when
 * {@code dbperf.connections.enabled=false}
 */
public record DbPerfReport(Summary summary, List<DataSourceDescriptor> datasources, StatisticsDescriptor statistics,
		List<SlowQuery> slowQueries, List<StatementSnapshot> topStatements, List<Finding> findings,
		List<RepositorySnapshot> repositories, List<AssociationSnapshot> associations, String window,
		List<EntryPointSnapshot> entrypoints, List<StatementSnapshot> startup, List<DatabaseView> database,
		List<MappingView> mappings, List<ConnectionsView> connections) implements OperationResponseBody {

	/**
	 * What a window added up to, in one line.
	 *
	 * @param window the span ({@code 15m}, ... or {@code all})
	 * @param statements statements executed in it (startup's included)
	 * @param statementsPerSecond statements a second over its length
	 * @param dbMillis database time of all of them
	 * @param errors statements that failed
	 * @param slowQueries slow statements completed in it
	 * @param findings findings last seen in it, by kind, most first
	 * @param startupDbMillis the part of {@code dbMillis} run before the application was
	 * ready
	 * @param backgroundDbMillis the part run after it outside any unit of work (threads
	 * no request, scheduled task or scope owned)
	 */
	public record Summary(String window, long statements, double statementsPerSecond, double dbMillis, long errors,
			long slowQueries, Map<String, Long> findings, double startupDbMillis, double backgroundDbMillis) {

	}

	/**
	 * A monitored DataSource.
	 *
	 * @param name its bean name
	 * @param type the pool's simple class name
	 */
	public record DataSourceDescriptor(String name, String type) {

	}

	/**
	 * The statistics store.
	 *
	 * @param tracked fingerprints tracked
	 * @param capacity fingerprints it can track
	 * @param evicted fingerprints evicted since the application started
	 * @param since when the statistics were last reset
	 * @param slowQueryThreshold the current slow-query threshold, e.g. {@code 500ms}
	 */
	public record StatisticsDescriptor(int tracked, int capacity, long evicted, Instant since,
			String slowQueryThreshold) {

	}

}

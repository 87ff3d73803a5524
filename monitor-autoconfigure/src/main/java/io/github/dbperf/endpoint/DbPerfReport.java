package io.github.dbperf.endpoint;

import java.time.Instant;
import java.util.List;

import io.github.dbperf.database.DatabaseView;
import io.github.dbperf.nplusone.NPlusOneFinding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.AssociationSnapshot;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.RepositorySnapshot;
import io.github.dbperf.statistics.StatementSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The whole report of {@code GET /actuator/dbperf}.
 *
 * @param datasources the monitored DataSources
 * @param statistics the state of the statistics store
 * @param slowQueries recent slow statements, newest first
 * @param topStatements statements ranked by the requested order
 * @param nPlusOne N+1 findings, most frequent first
 * @param associations per entity and association: the statements its loads caused
 * @param repositories repository methods, most database time first
 * @param window the span top statements, repositories and entry points cover
 * ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}: those whole minutes and the one in
 * progress; {@code all}: since start)
 * @param entrypoints entry points (route templates, scheduled tasks, scopes), most
 * database time first
 * @param startup statements run only before the application was ready (left out of the
 * top statements unless {@code include=startup}), most time first
 * @param database what dbperf reads of each DataSource's database (server-side statement
 * statistics), empty when {@code dbperf.database-statistics.enabled=false}
 */
public record DbPerfReport(List<DataSourceDescriptor> datasources, StatisticsDescriptor statistics,
		List<SlowQuery> slowQueries, List<StatementSnapshot> topStatements, List<NPlusOneFinding> nPlusOne,
		List<RepositorySnapshot> repositories, List<AssociationSnapshot> associations, String window,
		List<EntryPointSnapshot> entrypoints, List<StatementSnapshot> startup, List<DatabaseView> database)
		implements OperationResponseBody {

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

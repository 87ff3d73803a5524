package io.github.dbperf.metrics;

/**
 * Every meter name dbperf registers, in one place.
 */
public final class MeterNames {

	public static final String STATEMENTS = "dbperf.statements";

	public static final String SLOW_STATEMENTS = "dbperf.statements.slow";

	public static final String REPOSITORY_STATEMENTS = "dbperf.repository.statements";

	public static final String UNIT_STATEMENTS = "dbperf.unit.statements";

	public static final String N_PLUS_ONE = "dbperf.nplusone";

	public static final String FINDINGS = "dbperf.findings";

	public static final String REGRESSIONS = "dbperf.regressions";

	public static final String DATABASE_READS = "dbperf.database.reads";

	public static final String STATISTICS_TRACKED = "dbperf.statistics.tracked";

	public static final String STATISTICS_EVICTIONS = "dbperf.statistics.evictions";

	public static final String ERRORS = "dbperf.errors";

	public static final String FINGERPRINTS_INCOMPLETE = "dbperf.fingerprints.incomplete";

	public static final String EXPLAIN_PLANS = "dbperf.explain.plans";

	public static final String ORM_LOADS = "dbperf.orm.loads";

	public static final String STATEMENT_TOP = "dbperf.statement.top";

	public static final String STATEMENT_TOP_MAX = "dbperf.statement.top.max";

	public static final String UNIT_ENTITIES = "dbperf.unit.entities";

	/** Time a unit of work waited for a pooled connection. */
	public static final String CONNECTIONS_WAIT = "dbperf.connections.wait";

	/** Time a connection was out of its pool. */
	public static final String CONNECTIONS_HELD = "dbperf.connections.held";

	/** Time a transaction held its connection with no statement running. */
	public static final String CONNECTIONS_IDLE_IN_TRANSACTION = "dbperf.connections.idle-in-transaction";

	private MeterNames() {
	}

}

package io.github.dbperf.testsupport;

import io.github.dbperf.autoconfigure.DbPerfConnectionsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfDatabaseStatisticsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfExplainAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfOrmAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfStatisticsAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfTracingAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfWebAttributionAutoConfiguration;

/**
 * dbperf's feature auto-configurations, for context runners that name the core
 * ({@code DbPerfAutoConfiguration}) and its meters or endpoint themselves.
 */
public final class DbPerfAutoConfigurations {

	/** Every auto-configuration that runs after the core where it monitors. */
	public static final Class<?>[] FEATURES = { DbPerfStatisticsAutoConfiguration.class,
			DbPerfConnectionsAutoConfiguration.class, DbPerfOrmAutoConfiguration.class,
			DbPerfTracingAutoConfiguration.class, DbPerfWebAttributionAutoConfiguration.class,
			DbPerfExplainAutoConfiguration.class, DbPerfDatabaseStatisticsAutoConfiguration.class };

	private DbPerfAutoConfigurations() {
	}

}

package io.github.dbperf.autoconfigure;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.database.DatabaseFindings;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.findings.DatabaseFindingsDetector;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.StatementStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The database's own statement statistics (PostgreSQL's {@code pg_stat_statements},
 * MariaDB's and MySQL's digests), joined to dbperf's fingerprints, and the findings they
 * show.
 */
@AutoConfiguration(after = { DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class })
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfDatabaseStatisticsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "dbperf.database-statistics.enabled", matchIfMissing = true)
	DatabaseStatistics dbPerfDatabaseStatistics(DbPerfProperties properties, ObjectProvider<DataSourceMonitor> monitor,
			StatementStatistics statistics, ObjectProvider<DatabaseFindings> findings) {
		return new DatabaseStatistics(
				() -> monitor.getObject().monitored().stream().map(DataSourceMonitor.Monitored::name).toList(),
				(name) -> monitor.getObject().target(name), statistics,
				properties.getDatabaseStatistics().getInterval(), findings.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	DatabaseFindingsDetector dbPerfDatabaseFindingsDetector(FindingReporter reporter, StatementStatistics statistics,
			SlowQueryLog slowQueries) {
		return new DatabaseFindingsDetector(reporter, statistics, slowQueries::callSiteOf);
	}

}

package io.github.dbperf.autoconfigure;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.metrics.ConnectionMetrics;
import io.github.dbperf.metrics.DeferredMeterRegistry;
import io.github.dbperf.metrics.ErrorMeters;
import io.github.dbperf.metrics.FindingMetrics;
import io.github.dbperf.metrics.OrmMetrics;
import io.github.dbperf.metrics.OutcomeMeters;
import io.github.dbperf.metrics.RepositoryCallMetrics;
import io.github.dbperf.metrics.StatementMetrics;
import io.github.dbperf.metrics.StatisticsMeters;
import io.github.dbperf.metrics.TopStatementMeters;
import io.github.dbperf.metrics.UnitOfWorkMetrics;
import io.github.dbperf.statistics.StatementStatistics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes dbperf's Micrometer meters ({@code dbperf.*}).
 */
@AutoConfiguration(
		after = { DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class,
				DbPerfConnectionsAutoConfiguration.class, DbPerfOrmAutoConfiguration.class,
				DbPerfTracingAutoConfiguration.class, DbPerfWebAttributionAutoConfiguration.class,
				DbPerfExplainAutoConfiguration.class, DbPerfDatabaseStatisticsAutoConfiguration.class },
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, DataSourceMonitor.class })
public final class DbPerfMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeferredMeterRegistry dbPerfMeterRegistry() {
		return new DeferredMeterRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	StatementMetrics dbPerfStatementMetrics(DeferredMeterRegistry meters) {
		return new StatementMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	RepositoryCallMetrics dbPerfRepositoryCallMetrics(DeferredMeterRegistry meters) {
		return new RepositoryCallMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	UnitOfWorkMetrics dbPerfUnitOfWorkMetrics(DeferredMeterRegistry meters) {
		return new UnitOfWorkMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	ConnectionMetrics dbPerfConnectionMetrics(DeferredMeterRegistry meters) {
		return new ConnectionMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	FindingMetrics dbPerfFindingMetrics(DeferredMeterRegistry meters) {
		return new FindingMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	TopStatementMeters dbPerfTopStatementMeters(DbPerfProperties properties, StatementStatistics statistics,
			InternalFailures failures) {
		return TopStatementMeters.over(properties.getMetrics().getTopStatements(), statistics, failures);
	}

	@Bean
	@ConditionalOnMissingBean
	OrmMetrics dbPerfOrmMetrics(DeferredMeterRegistry meters) {
		return new OrmMetrics(meters);
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorMeters dbPerfErrorMeters(InternalFailures failures) {
		return new ErrorMeters(failures);
	}

	@Bean
	@ConditionalOnBean(PlanCapture.class)
	OutcomeMeters dbPerfExplainMeters(PlanCapture plans) {
		return OutcomeMeters.explainPlans(plans);
	}

	@Bean
	@ConditionalOnBean(DatabaseStatistics.class)
	OutcomeMeters dbPerfDatabaseMeters(DatabaseStatistics database) {
		return OutcomeMeters.databaseReads(database);
	}

	@Bean
	@ConditionalOnBean(StatementStatistics.class)
	StatisticsMeters dbPerfStatisticsMeters(StatementStatistics statistics,
			ObjectProvider<SqlFingerprinter> fingerprinter) {
		SqlFingerprinter fingerprints = fingerprinter.getIfAvailable(SqlFingerprinter::new);
		return new StatisticsMeters(statistics::tracked, statistics::evictions, fingerprints::incomplete);
	}

}

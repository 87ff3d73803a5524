package io.github.dbperf.autoconfigure;

import java.util.List;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.endpoint.ConnectionViews;
import io.github.dbperf.endpoint.DbPerfDashboardWebExtension;
import io.github.dbperf.endpoint.DbPerfEndpoint;
import io.github.dbperf.endpoint.DbPerfReports;
import io.github.dbperf.endpoint.TraceLinks;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.findings.RegressionDetector;
import io.github.dbperf.orm.MappingFindings;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.AssociationStatistics;
import io.github.dbperf.statistics.ConnectionStatistics;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementStatistics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code dbperf} Actuator endpoint. Like every endpoint it is on the web only when
 * exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = { DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class,
		DbPerfConnectionsAutoConfiguration.class, DbPerfOrmAutoConfiguration.class,
		DbPerfTracingAutoConfiguration.class, DbPerfWebAttributionAutoConfiguration.class,
		DbPerfExplainAutoConfiguration.class, DbPerfDatabaseStatisticsAutoConfiguration.class })
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfEndpointAutoConfiguration {

	/**
	 * Only evaluated with Actuator present (its condition class would not load
	 * otherwise).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(DbPerfEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DbPerfReports dbPerfReports(DataSourceMonitor monitor, StatementStatistics statistics,
				RepositoryStatistics repositories, SlowQueryLog slowQueries, SlowQueryThreshold threshold,
				Findings findings, ObjectProvider<PlanCapture> plans, AssociationStatistics associations,
				EntryPointStatistics entrypoints, RegressionDetector regressions,
				ObjectProvider<DatabaseStatistics> database, ObjectProvider<MappingFindings> mappings,
				ObjectProvider<Connections> connections, ObjectProvider<ConnectionStatistics> connectionStatistics) {
			Connections followed = connections.getIfAvailable();
			ConnectionStatistics borrows = connectionStatistics.getIfAvailable();
			return new DbPerfReports(monitor, statistics, repositories, slowQueries, threshold, findings,
					plans.getIfAvailable(), associations, entrypoints, regressions, database.getIfAvailable(),
					mappings.getIfAvailable(() -> List::of),
					(followed != null && borrows != null) ? new ConnectionViews(monitor, followed, borrows) : null);
		}

		@Bean
		@ConditionalOnMissingBean
		DbPerfEndpoint dbPerfEndpoint(DbPerfReports reports) {
			return new DbPerfEndpoint(reports);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(endpoint = DbPerfEndpoint.class, exposure = EndpointExposure.WEB)
		DbPerfDashboardWebExtension dbPerfDashboardWebExtension(DbPerfReports reports,
				ObjectProvider<DbPerfProperties> properties) {
			DbPerfProperties bound = properties.getIfAvailable();
			return new DbPerfDashboardWebExtension(reports,
					new TraceLinks((bound != null) ? bound.getTracing().getTraceUrl() : null));
		}

	}

}

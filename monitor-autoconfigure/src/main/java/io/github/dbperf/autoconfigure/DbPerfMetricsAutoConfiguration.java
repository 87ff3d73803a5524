package io.github.dbperf.autoconfigure;

import io.github.dbperf.InternalFailures;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.metrics.ExplainMeters;
import io.github.dbperf.metrics.StatementMetrics;
import io.github.dbperf.nplusone.NPlusOneListener;
import io.github.dbperf.metrics.StatisticsMeters;
import io.github.dbperf.statistics.StatementStatistics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes dbperf's Micrometer meters ({@code dbperf.*}).
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class, afterName = {
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
	StatementMetrics dbPerfStatementMetrics(InternalFailures failures) {
		return new StatementMetrics(failures);
	}

	@Bean
	NPlusOneListener dbPerfNPlusOneMetrics(StatementMetrics metrics) {
		return (occurrence) -> metrics.nPlusOneFound(occurrence.entrypoint(), occurrence.repositoryMethod());
	}

	@Bean
	@ConditionalOnBean(PlanCapture.class)
	ExplainMeters dbPerfExplainMeters(PlanCapture plans) {
		return new ExplainMeters(plans::captured, plans::dropped, plans::failed);
	}

	@Bean
	@ConditionalOnBean(StatementStatistics.class)
	StatisticsMeters dbPerfStatisticsMeters(StatementStatistics statistics) {
		return new StatisticsMeters(statistics::tracked, statistics::evictions);
	}

}

package io.github.dbperf.autoconfigure;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.explain.PlanCapture;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With {@code dbperf.explain.enabled=true}, the plans of slow SELECTs.
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class)
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfExplainAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("dbperf.explain.enabled")
	PlanCapture dbPerfPlanCapture(DbPerfProperties properties, ObjectProvider<DataSourceMonitor> monitor) {
		DbPerfProperties.Explain explain = properties.getExplain();
		return new PlanCapture((name) -> monitor.getObject().target(name), explain.getInterval(),
				explain.getQueueCapacity(), explain.getTimeout(), properties.getSql().isIncludeParameters());
	}

}

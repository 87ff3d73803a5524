package io.github.dbperf.autoconfigure;

import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.SqlComments;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.tracing.MicrometerTraceIds;
import io.github.dbperf.tracing.SpanSummary;
import io.github.dbperf.tracing.SqlCommenter;
import io.github.dbperf.tracing.StatementSpans;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Traces and the database's own views: with Micrometer Tracing, trace ids on slow queries
 * and findings, dbperf's summary on a unit of work's span and, when asked, a span per
 * statement; when asked, the code's name in a SQL comment on every statement.
 */
@AutoConfiguration(after = { DbPerfAutoConfiguration.class, DbPerfStatisticsAutoConfiguration.class })
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfTracingAutoConfiguration {

	/** datasource-micrometer's listener: with it, statements have spans already. */
	private static final String DATASOURCE_MICROMETER = "net.ttddyy.observation.tracing.DataSourceObservationListener";

	private static final Logger logger = LoggerFactory.getLogger(DbPerfTracingAutoConfiguration.class);

	/**
	 * With {@code dbperf.sql-comments.enabled=true}, every statement dbperf wraps names
	 * its route and repository method in a sqlcommenter comment.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("dbperf.sql-comments.enabled")
	SqlComments dbPerfSqlComments(Environment environment, DbPerfProperties properties,
			ObjectProvider<TraceIds> traces) {
		return new SqlCommenter(environment.getProperty("spring.application.name"),
				properties.getSqlComments().isTraceparent() ? traces.getIfAvailable(() -> TraceIds.NONE)
						: TraceIds.NONE);
	}

	/**
	 * With Micrometer Tracing, slow queries and findings carry the trace they were seen
	 * in, and a unit of work's span gets dbperf's summary. The tracer is looked up when
	 * one is needed, so it may come from any auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		/** The tracer, looked up once the context is ready, not per call. */
		@Bean
		LateBean<Tracer> dbPerfTracer(ObjectProvider<Tracer> tracer) {
			return new LateBean<>(tracer);
		}

		@Bean
		@ConditionalOnMissingBean
		TraceIds dbPerfTraceIds(LateBean<Tracer> tracer) {
			return new MicrometerTraceIds(tracer);
		}

		@Bean
		@ConditionalOnMissingBean
		SpanSummary dbPerfSpanSummary(LateBean<Tracer> tracer, FindingReporter reporter) {
			return new SpanSummary(tracer, reporter);
		}

		/**
		 * With {@code dbperf.tracing.spans=true}, a span per statement; not while
		 * datasource-micrometer, which traces statements already, is on the class path.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty("dbperf.tracing.spans")
		@ConditionalOnMissingClass(DATASOURCE_MICROMETER)
		StatementSpans dbPerfStatementSpans(LateBean<Tracer> tracer, ObjectProvider<DataSourceMonitor> monitor) {
			// Resolved on the first statement, then kept: not a bean lookup per
			// statement.
			SingletonSupplier<DataSourceMonitor> monitors = SingletonSupplier.of(monitor::getObject);
			return new StatementSpans(tracer, (name) -> monitors.obtain().product(name));
		}

		@Bean
		@ConditionalOnBooleanProperty("dbperf.tracing.spans")
		@ConditionalOnClass(name = DATASOURCE_MICROMETER)
		SmartInitializingSingleton dbPerfStatementSpansBackOff() {
			return () -> logger.info("dbperf.tracing.spans is on, but datasource-micrometer is on the class path and "
					+ "traces each statement already: dbperf adds no statement span, so that none is traced twice");
		}

	}

}

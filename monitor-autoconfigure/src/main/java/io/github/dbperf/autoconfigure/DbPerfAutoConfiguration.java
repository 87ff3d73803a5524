package io.github.dbperf.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.AttributionTaskDecorator;
import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.RequestUnitOfWorkFilter;
import io.github.dbperf.attribution.ResponsePhase;
import io.github.dbperf.attribution.ScheduledUnitOfWorkHandler;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.Borrows;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.capture.SqlComments;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.StatementSink;
import io.github.dbperf.capture.StatementSinks;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.connections.ConnectionListener;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.database.DatabaseFindings;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.findings.ConnectionFindingsDetector;
import io.github.dbperf.findings.DatabaseFindingsDetector;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.findings.NPlusOneDetector;
import io.github.dbperf.findings.NPlusOneListener;
import io.github.dbperf.findings.OrmFindingsDetector;
import io.github.dbperf.findings.RegressionDetector;
import io.github.dbperf.findings.RegressionListener;
import io.github.dbperf.findings.WriteMappings;
import io.github.dbperf.findings.WritePathDetector;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.orm.HibernateMappings;
import io.github.dbperf.orm.HibernateWriteMappings;
import io.github.dbperf.orm.ReviewedMappings;
import io.github.dbperf.slow.SlowQueryLog;
import io.github.dbperf.statistics.AssociationStatistics;
import io.github.dbperf.statistics.ConnectionStatistics;
import io.github.dbperf.statistics.EntryPointStatistics;
import io.github.dbperf.statistics.MinuteListener;
import io.github.dbperf.statistics.MinuteTicker;
import io.github.dbperf.statistics.RepositoryStatistics;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.tracing.MicrometerTraceIds;
import io.github.dbperf.tracing.SpanSummary;
import io.github.dbperf.tracing.SqlCommenter;
import io.github.dbperf.tracing.StatementSpans;
import io.micrometer.tracing.Tracer;
import jakarta.persistence.EntityManagerFactory;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Core of dbperf: wraps DataSources, fingerprints statements and attributes them to
 * Spring Data repository methods.
 */
// Boot 4 names first, then Boot 3.5's: one artifact serves both generations.
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.JndiDataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.XADataSourceAutoConfiguration" })
@ConditionalOnClass({ DataSource.class, ProxyDataSource.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "dbperf.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DbPerfProperties.class)
@ImportRuntimeHints(DbPerfRuntimeHints.class)
public final class DbPerfAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DbPerfAutoConfiguration.class);

	/** datasource-micrometer's listener: with it, statements have spans already. */
	private static final String DATASOURCE_MICROMETER = "net.ttddyy.observation.tracing.DataSourceObservationListener";

	@Bean
	@ConditionalOnMissingBean
	InternalFailures dbPerfInternalFailures() {
		return new InternalFailures();
	}

	@Bean
	@ConditionalOnMissingBean
	UnitsOfWork dbPerfUnitsOfWork(InternalFailures failures) {
		return new UnitsOfWork(failures);
	}

	@Bean
	@ConditionalOnMissingBean
	StatementRecorders dbPerfStatementRecorders(InternalFailures failures) {
		return new StatementRecorders(failures);
	}

	@Bean
	@ConditionalOnMissingBean
	CallSites dbPerfCallSites(BeanFactory beanFactory) {
		return new CallSites(
				AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	SqlFingerprinter dbPerfSqlFingerprinter() {
		return new SqlFingerprinter();
	}

	@Bean
	@ConditionalOnMissingBean
	SlowQueryThreshold dbPerfSlowQueryThreshold(DbPerfProperties properties) {
		return new SlowQueryThreshold(properties.getSlowQuery().getThreshold());
	}

	@Bean
	@ConditionalOnMissingBean
	StatementStatistics dbPerfStatementStatistics(DbPerfProperties properties) {
		return new StatementStatistics(properties.getStatistics().getMaxStatements());
	}

	@Bean
	@ConditionalOnMissingBean
	RepositoryStatistics dbPerfRepositoryStatistics() {
		return new RepositoryStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	EntryPointStatistics dbPerfEntryPointStatistics() {
		return new EntryPointStatistics();
	}

	@Bean
	@ConditionalOnMissingBean
	MinuteTicker dbPerfMinuteTicker(WallClock clock, ObjectProvider<MinuteListener> listeners,
			InternalFailures failures) {
		return new MinuteTicker(clock, () -> listeners.orderedStream().toList(),
				(ex) -> failures.report("minutes", ex));
	}

	/** This context's wall clock: dates statements from the readings that timed them. */
	@Bean
	@ConditionalOnMissingBean
	WallClock dbPerfWallClock() {
		return new WallClock();
	}

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
		return new DatabaseFindingsDetector(reporter, statistics, slowQueries);
	}

	@Bean
	@ConditionalOnMissingBean
	RegressionDetector dbPerfRegressionDetector(DbPerfProperties properties, StatementStatistics statistics,
			SlowQueryLog slowQueries, ObjectProvider<RegressionListener> listeners) {
		DbPerfProperties.Findings.Regression regression = properties.getFindings().getRegression();
		return new RegressionDetector(statistics, slowQueries, regression.getFactor(), regression.getMinCalls(),
				regression.getMinP95(), listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SlowQueryLog dbPerfSlowQueryLog(DbPerfProperties properties, CallSites callSites, ObjectProvider<TraceIds> traces) {
		return new SlowQueryLog(properties.getSlowQuery().getCapacity(), properties.getSlowQuery().isLog(),
				properties.getSql().isIncludeParameters(), callSites, traces.getIfAvailable(() -> TraceIds.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	DataSourceMonitor dbPerfDataSourceMonitor(DbPerfProperties properties, SqlFingerprinter fingerprinter,
			ObjectProvider<OwnSink> ownSinks, StatementRecorders recorders, UnitsOfWork units,
			InternalFailures failures, SlowQueryThreshold threshold, ObjectProvider<SqlComments> comments,
			ObjectProvider<Connections> connections, WallClock clock) {
		// dbperf's own sinks now; the application's (its CallerThreadSinks too) once
		// every bean exists, without values unless asked for (UnitOfWorkRegistration).
		StatementSinks sinks = new StatementSinks(ownSinks.orderedStream().toList(), recorders, failures);
		Connections followed = connections.getIfAvailable();
		return new DataSourceMonitor(fingerprinter, sinks, units, properties.getDatasource().getExclude(), threshold,
				comments.getIfAvailable(), (followed != null) ? followed : (name) -> Borrows.NONE, clock);
	}

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

	@Bean
	static DataSourceWrappingBeanPostProcessor dbPerfDataSourceWrappingBeanPostProcessor(
			ObjectProvider<DataSourceMonitor> monitor) {
		return new DataSourceWrappingBeanPostProcessor(monitor);
	}

	@Bean
	SmartInitializingSingleton dbPerfStartupReport(DataSourceMonitor monitor) {
		return () -> logger.info("dbperf is monitoring DataSources: {}",
				monitor.monitored().isEmpty() ? "none"
						: monitor.monitored()
							.stream()
							.map(DataSourceMonitor.Monitored::toString)
							.collect(Collectors.joining(", ")));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("dbperf.explain.enabled")
	PlanCapture dbPerfPlanCapture(DbPerfProperties properties, ObjectProvider<DataSourceMonitor> monitor) {
		DbPerfProperties.Explain explain = properties.getExplain();
		return new PlanCapture((name) -> monitor.getObject().target(name), explain.getInterval(),
				explain.getQueueCapacity(), explain.getTimeout(), properties.getSql().isIncludeParameters());
	}

	@Bean
	static UnitOfWorkRegistration dbPerfUnitOfWorkRegistration(ObjectProvider<UnitsOfWork> units,
			ObjectProvider<UnitOfWorkListener> listeners, ObjectProvider<DataSourceMonitor> monitor,
			ObjectProvider<StatementSink> sinks, Environment environment) {
		// Bound from the environment: a static @Bean method takes no configuration
		// properties bean.
		return new UnitOfWorkRegistration(units, listeners, monitor, sinks,
				Binder.get(environment).bind("dbperf.sql.include-parameters", Boolean.class).orElse(false));
	}

	@Bean
	@ConditionalOnMissingBean
	Findings dbPerfNPlusOneFindings() {
		return new Findings(500);
	}

	@Bean
	@ConditionalOnMissingBean
	FindingReporter dbPerfFindingReporter(Findings findings, ObjectProvider<NPlusOneListener> listeners,
			ObjectProvider<TraceIds> traces) {
		return new FindingReporter(findings, listeners.orderedStream().toList(), Duration.ofMinutes(1),
				traces.getIfAvailable(() -> TraceIds.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnNPlusOneDetectionCondition.class)
	NPlusOneDetector dbPerfNPlusOneDetector(DbPerfProperties properties, FindingReporter reporter, CallSites callSites,
			ObjectProvider<AssociationMappings> mappings) {
		DbPerfProperties.NPlusOne nPlusOne = properties.getNPlusOne();
		return new NPlusOneDetector(nPlusOne.getThreshold(), nPlusOne.getMode() == DbPerfProperties.NPlusOneMode.STRICT,
				reporter, callSites, mappings.getIfAvailable(() -> AssociationMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	OrmFindingsDetector dbPerfOrmFindingsDetector(DbPerfProperties properties, FindingReporter reporter,
			CallSites callSites, ObjectProvider<AssociationMappings> mappings) {
		return new OrmFindingsDetector(properties.getFindings().getLargeResult().getRows(), reporter, callSites,
				mappings.getIfAvailable(() -> AssociationMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	WritePathDetector dbPerfWritePathDetector(DbPerfProperties properties, FindingReporter reporter,
			CallSites callSites, ObjectProvider<WriteMappings> mappings) {
		return new WritePathDetector(properties.getFindings().getUnbatchedWrites().getThreshold(), reporter, callSites,
				mappings.getIfAvailable(() -> WriteMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	AssociationStatistics dbPerfAssociationStatistics() {
		return new AssociationStatistics();
	}

	/**
	 * Each connection borrowed is followed: the pool's wait, the time held, transactions
	 * idle, connections never returned.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "dbperf.connections.enabled", matchIfMissing = true)
	static class ConnectionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		Connections dbPerfConnections(DbPerfProperties properties, UnitsOfWork units, CallSites callSites,
				InternalFailures failures) {
			return new Connections(units, callSites, properties.getConnections().getLeakThreshold(), failures);
		}

		@Bean
		@ConditionalOnMissingBean
		ConnectionStatistics dbPerfConnectionStatistics() {
			return new ConnectionStatistics();
		}

		@Bean
		@ConditionalOnMissingBean
		ConnectionFindingsDetector dbPerfConnectionFindingsDetector(DbPerfProperties properties,
				FindingReporter reporter, CallSites callSites, Connections connections) {
			DbPerfProperties.Connections settings = properties.getConnections();
			return new ConnectionFindingsDetector(settings.getWaitThreshold(), settings.getHoldThreshold(), reporter,
					callSites, connections);
		}

		/**
		 * Hands the listeners (statistics, meters, findings) over once every bean exists:
		 * the DataSource, and so the connections, come first.
		 */
		@Bean
		SmartInitializingSingleton dbPerfConnectionListeners(ObjectProvider<Connections> connections,
				ObjectProvider<ConnectionListener> listeners) {
			return () -> connections.ifAvailable((followed) -> followed.listeners(listeners.orderedStream().toList()));
		}

	}

	/**
	 * With Hibernate and Spring's JPA support, statements know their ORM cause: the
	 * entity manager factories of this context turn dbperf's Hibernate listeners on.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.hibernate.integrator.spi.Integrator",
			"org.springframework.orm.jpa.AbstractEntityManagerFactoryBean" })
	static class OrmCausesConfiguration {

		@Bean
		static OrmCausesBeanPostProcessor dbPerfOrmCausesBeanPostProcessor() {
			return new OrmCausesBeanPostProcessor();
		}

	}

	/**
	 * With Micrometer Tracing, slow queries and findings carry the trace they were seen
	 * in, and a unit of work's span gets dbperf's summary. The tracer is looked up when
	 * one is needed, so it may come from any auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TraceIds dbPerfTraceIds(ObjectProvider<Tracer> tracer) {
			return new MicrometerTraceIds(tracer::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		SpanSummary dbPerfSpanSummary(ObjectProvider<Tracer> tracer, FindingReporter reporter) {
			return new SpanSummary(tracer::getIfUnique, reporter);
		}

		/**
		 * With {@code dbperf.tracing.spans=true}, a span per statement; not while
		 * datasource-micrometer, which traces statements already, is on the class path.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty("dbperf.tracing.spans")
		@ConditionalOnMissingClass(DATASOURCE_MICROMETER)
		StatementSpans dbPerfStatementSpans(ObjectProvider<Tracer> tracer, ObjectProvider<DataSourceMonitor> monitor) {
			return new StatementSpans(tracer::getIfUnique, (name) -> monitor.getObject().product(name));
		}

		@Bean
		@ConditionalOnBooleanProperty("dbperf.tracing.spans")
		@ConditionalOnClass(name = DATASOURCE_MICROMETER)
		SmartInitializingSingleton dbPerfStatementSpansBackOff() {
			return () -> logger.info("dbperf.tracing.spans is on, but datasource-micrometer is on the class path and "
					+ "traces each statement already: dbperf adds no statement span, so that none is traced twice");
		}

	}

	/**
	 * With Hibernate and JPA, findings name the association behind a loop and its
	 * mapping.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.hibernate.engine.spi.SessionFactoryImplementor", "jakarta.persistence.EntityManagerFactory" })
	static class HibernateMappingsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AssociationMappings dbPerfAssociationMappings(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new HibernateMappings(entityManagerFactory::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		WriteMappings dbPerfWriteMappings(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new HibernateWriteMappings(entityManagerFactory::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		ReviewedMappings dbPerfReviewedMappings(ConfigurableListableBeanFactory beans, DbPerfProperties properties) {
			return new ReviewedMappings(() -> createdFactories(beans), openInView(beans),
					properties.getMappings().getIgnore());
		}

		/**
		 * The entity manager factories already created: reviewing the mappings never
		 * creates one that a lazy context has not.
		 */
		private static List<EntityManagerFactory> createdFactories(ConfigurableListableBeanFactory beans) {
			List<EntityManagerFactory> factories = new ArrayList<>();
			for (String name : beans.getBeanNamesForType(EntityManagerFactory.class, false, false)) {
				if (beans.containsSingleton(name)) {
					factories.add(beans.getBean(name, EntityManagerFactory.class));
				}
			}
			return factories;
		}

		/**
		 * Reviews the mappings once every singleton is ready (the entity manager
		 * factories are built then) and says so in one line.
		 */
		@Bean
		SmartInitializingSingleton dbPerfMappingReview(ObjectProvider<ReviewedMappings> reviewed) {
			return () -> reviewed.ifAvailable((mappings) -> mappings.reviewAndLog("/actuator/dbperf"));
		}

		/**
		 * Whether open session in view is registered: Boot's interceptor (on unless
		 * {@code spring.jpa.open-in-view=false} in a web application) or the
		 * application's own filter or interceptor bean.
		 */
		private static boolean openInView(ListableBeanFactory beans) {
			ClassLoader classLoader = DbPerfAutoConfiguration.class.getClassLoader();
			for (String type : new String[] { "org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor",
					"org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter" }) {
				if (ClassUtils.isPresent(type, classLoader) && beans
					.getBeanNamesForType(ClassUtils.resolveClassName(type, classLoader), true, false).length > 0) {
					return true;
				}
			}
			return false;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.HandlerMapping",
			"org.springframework.boot.web.servlet.FilterRegistrationBean" })
	static class RequestUnitOfWorkConfiguration {

		@Bean
		ResponsePhase dbPerfResponsePhase() {
			return new ResponsePhase();
		}

		@Bean
		WebMvcConfigurer dbPerfResponsePhaseConfigurer(ResponsePhase phase) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(phase);
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "dbPerfRequestUnitOfWorkFilter")
		FilterRegistrationBean<RequestUnitOfWorkFilter> dbPerfRequestUnitOfWorkFilter(UnitsOfWork units) {
			FilterRegistrationBean<RequestUnitOfWorkFilter> registration = new FilterRegistrationBean<>(
					new RequestUnitOfWorkFilter(units));
			// Outside security and other filters, so statements they run belong to the
			// request.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.observation.ObservationHandler",
			"org.springframework.scheduling.support.ScheduledTaskObservationContext" })
	static class ScheduledUnitOfWorkConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ScheduledUnitOfWorkHandler dbPerfScheduledUnitOfWorkHandler(UnitsOfWork units) {
			return new ScheduledUnitOfWorkHandler(units);
		}

	}

	/**
	 * Statements of {@code @Async} methods and of tasks on Boot's executors count for the
	 * entry point that started them. Backs off when the application has a TaskDecorator
	 * of its own (Boot applies only a unique one); with Micrometer's context propagation
	 * ({@code ContextPropagatingTaskDecorator}) dbperf's ThreadLocalAccessor does the
	 * same.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "dbperf.attribution.propagate-to-tasks", matchIfMissing = true)
	static class TaskAttributionConfiguration {

		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		AttributionTaskDecorator dbPerfAttributionTaskDecorator() {
			return new AttributionTaskDecorator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport")
	static class RepositoryAttributionConfiguration {

		@Bean
		static RepositoryAttributionBeanPostProcessor dbPerfRepositoryAttributionBeanPostProcessor(
				ObjectProvider<RepositoryCallListener> listeners, ObjectProvider<UnitsOfWork> units) {
			return new RepositoryAttributionBeanPostProcessor(listeners, units);
		}

	}

}

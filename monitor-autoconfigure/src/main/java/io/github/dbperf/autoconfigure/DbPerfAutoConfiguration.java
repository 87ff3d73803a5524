package io.github.dbperf.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.UnitOfWorkListener;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.Borrows;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.OwnSink;
import io.github.dbperf.capture.ProxyListeners;
import io.github.dbperf.capture.SlowQueryThreshold;
import io.github.dbperf.capture.SqlComments;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.StatementSink;
import io.github.dbperf.capture.StatementSinks;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.internal.InternalFailures;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Core of dbperf: wraps DataSources, fingerprints statements and attributes them to
 * Spring Data repository methods and units of work. What keeps and judges them
 * (statistics, findings, connections, the ORM, traces, plans, the database's own
 * statistics, meters, the endpoint) is configured by auto-configurations of its own that
 * run after this one and only where it monitors.
 */
// Boot 4 names first, then Boot 3.5's: one artifact serves both generations.
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.JndiDataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.jdbc.XADataSourceAutoConfiguration" })
@ConditionalOnClass({ DataSource.class, ProxyConfig.class })
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "dbperf.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DbPerfProperties.class)
@ImportRuntimeHints(DbPerfRuntimeHints.class)
public final class DbPerfAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DbPerfAutoConfiguration.class);

	/**
	 * Auto-configurations of libraries that wrap the DataSource with datasource-proxy and
	 * call the application's datasource-proxy listeners themselves
	 * (datasource-proxy-spring-boot-starter, datasource-micrometer-spring-boot): with
	 * either, dbperf does not call them a second time.
	 */
	static final List<String> OTHER_PROXY_WRAPPERS = List.of(
			"com.github.gavlyukovskiy.boot.jdbc.decorator.DataSourceDecoratorAutoConfiguration",
			"net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration");

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

	/** This context's wall clock: dates statements from the readings that timed them. */
	@Bean
	@ConditionalOnMissingBean
	WallClock dbPerfWallClock() {
		return new WallClock();
	}

	@Bean
	@ConditionalOnMissingBean
	DataSourceMonitor dbPerfDataSourceMonitor(DbPerfProperties properties, SqlFingerprinter fingerprinter,
			ObjectProvider<OwnSink> ownSinks, StatementRecorders recorders, UnitsOfWork units,
			InternalFailures failures, SlowQueryThreshold threshold, ObjectProvider<SqlComments> comments,
			ObjectProvider<Connections> connections, WallClock clock, ListableBeanFactory beanFactory,
			ObjectProvider<QueryExecutionListener> queryListeners,
			ObjectProvider<MethodExecutionListener> methodListeners) {
		// dbperf's own sinks now; the application's (its CallerThreadSinks too) once
		// every bean exists, without values unless asked for (UnitOfWorkRegistration).
		StatementSinks sinks = new StatementSinks(ownSinks.orderedStream().toList(), recorders, failures);
		Connections followed = connections.getIfAvailable();
		return new DataSourceMonitor(fingerprinter, sinks, units, properties.getDatasource().getExclude(), threshold,
				comments.getIfAvailable(), (followed != null) ? followed : (name) -> Borrows.NONE, clock,
				SingletonSupplier.of(() -> proxyListeners(beanFactory, queryListeners, methodListeners)));
	}

	/**
	 * The application's datasource-proxy listener beans, asked for when the first
	 * DataSource is wrapped (once, for every DataSource); none when another library's
	 * auto-configuration wraps the DataSource with datasource-proxy itself and calls
	 * them.
	 */
	static ProxyListeners proxyListeners(ListableBeanFactory beanFactory,
			ObjectProvider<QueryExecutionListener> queryListeners,
			ObjectProvider<MethodExecutionListener> methodListeners) {
		ClassLoader classLoader = DbPerfAutoConfiguration.class.getClassLoader();
		for (String wrapper : OTHER_PROXY_WRAPPERS) {
			if (ClassUtils.isPresent(wrapper, classLoader) && beanFactory
				.getBeanNamesForType(ClassUtils.resolveClassName(wrapper, classLoader), false, false).length > 0) {
				return ProxyListeners.NONE;
			}
		}
		ProxyListeners listeners = ProxyListeners.of(queryListeners.orderedStream().toList(),
				methodListeners.orderedStream().toList());
		if (listeners != ProxyListeners.NONE) {
			logger.info("dbperf runs the application's {} datasource-proxy listener(s) on its DataSource wrapper",
					listeners.size());
		}
		return listeners;
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
	static UnitOfWorkRegistration dbPerfUnitOfWorkRegistration(ObjectProvider<UnitsOfWork> units,
			ObjectProvider<UnitOfWorkListener> listeners, ObjectProvider<DataSourceMonitor> monitor,
			ObjectProvider<StatementSink> sinks, Environment environment) {
		// Bound from the environment: a static @Bean method takes no configuration
		// properties bean.
		return new UnitOfWorkRegistration(units, listeners, monitor, sinks,
				Binder.get(environment).bind("dbperf.sql.include-parameters", Boolean.class).orElse(false));
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

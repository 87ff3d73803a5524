package io.github.dbperf.autoconfigure;

import javax.sql.DataSource;

import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.attribution.ResponsePhase;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.database.DatabaseStatistics;
import io.github.dbperf.endpoint.DbPerfEndpoint;
import io.github.dbperf.explain.PlanCapture;
import io.github.dbperf.findings.ConnectionFindingsDetector;
import io.github.dbperf.findings.FindingReporter;
import io.github.dbperf.metrics.StatementMetrics;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import io.github.dbperf.tracing.SpanSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each optional piece missing, the starter backs off that part cleanly and keeps the
 * rest: statements are still captured.
 */
class BackOffTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, DbPerfAutoConfiguration.class,
				DbPerfMetricsAutoConfiguration.class, DbPerfEndpointAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:backoff");

	@Test
	void withoutHibernateOrJpaThereAreNoMappingsAndStatementsAreStillCaptured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.hibernate", "jakarta.persistence"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(AssociationMappings.class);
				assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
			});
	}

	@Test
	void withoutSpringDataThereIsNoRepositoryAttribution() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data")).run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean("dbPerfRepositoryAttributionBeanPostProcessor")
				.hasSingleBean(DataSourceMonitor.class);
			assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
		});
	}

	@Test
	void withoutAWebApplicationThereIsNoRequestFilter() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("dbPerfRequestUnitOfWorkFilter")
			.doesNotHaveBean(ResponsePhase.class));
	}

	@Test
	void inAServletApplicationRequestsAreUnitsOfWork() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, BootAutoConfigurations.WEB_MVC,
					DbPerfAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:backoffweb")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("dbPerfRequestUnitOfWorkFilter")
				.hasSingleBean(ResponsePhase.class));
	}

	@Test
	void withoutEndpointExposureThereIsNoHtmlView() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DbPerfEndpoint.class)
				.hasSingleBean(DataSourceMonitor.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DbPerfEndpoint.class)
				.hasSingleBean(DataSourceMonitor.class));
	}

	@Test
	void withoutAMeterRegistryThereAreNoMetersAndStatementsAreStillCaptured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(MeterRegistry.class)
				.doesNotHaveBean(StatementMetrics.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(MonitoredDataSource.class);
			assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
		});
	}

	@Test
	void withoutMicrometerAtAllStatementsAreStillCaptured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(StatementMetrics.class);
			assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
		});
	}

	@Test
	void withDbPerfOffNoFeatureConfiguresAnything() {
		this.contextRunner.withPropertyValues("dbperf.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSourceMonitor.class)
				.doesNotHaveBean(StatementStatistics.class)
				.doesNotHaveBean(FindingReporter.class)
				.doesNotHaveBean(Connections.class)
				.doesNotHaveBean(AssociationMappings.class)
				.doesNotHaveBean(TraceIds.class)
				.doesNotHaveBean(DatabaseStatistics.class)
				.doesNotHaveBean(StatementMetrics.class)
				.getBean(DataSource.class)
				.isNotInstanceOf(MonitoredDataSource.class));
	}

	@Test
	void withConnectionsOffOnlyConnectionsBackOff() {
		this.contextRunner.withPropertyValues("dbperf.connections.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(Connections.class)
				.doesNotHaveBean(ConnectionFindingsDetector.class)
				.hasSingleBean(FindingReporter.class);
			assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
		});
	}

	@Test
	void withDatabaseStatisticsOffThereIsNoReader() {
		this.contextRunner.withPropertyValues("dbperf.database-statistics.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DatabaseStatistics.class)
				.hasSingleBean(StatementStatistics.class));
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DatabaseStatistics.class));
	}

	@Test
	void plansAreCapturedOnlyWhenAskedFor() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(PlanCapture.class));
		this.contextRunner.withPropertyValues("dbperf.explain.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(PlanCapture.class));
	}

	@Test
	void withoutMicrometerTracingThereAreNoTraceIdsAndStatementsAreStillCaptured() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(TraceIds.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing")).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TraceIds.class).doesNotHaveBean(SpanSummary.class);
			assertCaptures(context.getBean(DataSource.class), context.getBean(StatementStatistics.class));
		});
	}

	private static void assertCaptures(DataSource dataSource, StatementStatistics statistics) {
		new JdbcTemplate(dataSource).queryForObject("select 42", Integer.class);
		assertThat(statistics.top(io.github.dbperf.statistics.StatementOrder.CALLS, 10))
			.anySatisfy((statement) -> assertThat(statement.sql()).isEqualTo("select ?"));
	}

}

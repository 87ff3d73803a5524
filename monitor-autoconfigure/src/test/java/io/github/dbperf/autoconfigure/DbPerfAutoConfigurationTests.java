package io.github.dbperf.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.attribution.TraceIds;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.connections.Connections;
import io.github.dbperf.metrics.StatementMetrics;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link DbPerfAutoConfiguration} and
 * {@link DbPerfMetricsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DbPerfAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, BootAutoConfigurations.METRICS,
				BootAutoConfigurations.SIMPLE_METRICS_EXPORT, DbPerfAutoConfiguration.class,
				DbPerfMetricsAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:conditions;DB_CLOSE_DELAY=-1");

	@Test
	void dataSourceIsWrappedAndStillReachesThePool() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(DataSourceMonitor.class).hasSingleBean(StatementMetrics.class);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(MonitoredDataSource.class);
			assertThat(((MonitoredDataSource) dataSource).getDbPerfName()).isEqualTo("dataSource");
			assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
			// The wrapper keeps the pool's class; Spring's AOP utilities reach the pool
			// itself.
			assertThat(dataSource).isInstanceOf(HikariDataSource.class);
			HikariDataSource pool = (HikariDataSource) AopProxyUtils.getSingletonTarget(dataSource);
			assertThat(pool).isNotNull().isNotSameAs(dataSource).isNotInstanceOf(MonitoredDataSource.class);
			assertThat(dataSource.unwrap(HikariDataSource.class)).isInstanceOf(HikariDataSource.class);
			assertThat(DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class, HikariDataSource.class))
				.isInstanceOf(HikariDataSource.class);
			assertThat(dataSource).hasToString("dbperf monitored DataSource 'dataSource' wrapping " + pool);
			// Wrapping opened no connection: Hikari starts its pool on the first one.
			assertThat(pool.getHikariPoolMXBean()).isNull();
			assertThat(context.getBean(DataSourceMonitor.class).monitored())
				.containsExactly(new DataSourceMonitor.Monitored("dataSource", "HikariDataSource"));
		});
	}

	@Test
	void startupLineNamesDataSourcesWithoutUrlOrCredentials(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:credentials;PASSWORD_HASH=FALSE",
					"spring.datasource.username=secretuser", "spring.datasource.password=s3cr3t-pw")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("dbperf is monitoring DataSources: dataSource (HikariDataSource)");
				String dbperfLines = output.getAll()
					.lines()
					.filter((line) -> line.contains("i.g.d") || line.contains("io.github.dbperf"))
					.reduce("", (a, b) -> a + b + "\n");
				assertThat(dbperfLines).isNotEmpty()
					.doesNotContain("jdbc:h2")
					.doesNotContain("secretuser")
					.doesNotContain("s3cr3t-pw");
			});
	}

	@Test
	void wrappedDataSourceCapturesStatements() {
		this.contextRunner.run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("create table t (id int)");
				statement.executeUpdate("insert into t values (1)");
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dbperf.statements").tag("operation", "ddl").timer().count()).isEqualTo(1);
			assertThat(registry.get("dbperf.statements").tag("operation", "insert").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void disabledLeavesDataSourceUnwrapped() {
		this.contextRunner.withPropertyValues("dbperf.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(DataSourceMonitor.class).doesNotHaveBean(StatementMetrics.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class)
				.isNotInstanceOf(MonitoredDataSource.class);
		});
	}

	@Test
	void excludedDataSourceIsLeftUnwrapped() {
		this.contextRunner.withPropertyValues("dbperf.datasource.exclude=dataSource").run((context) -> {
			assertThat(context).hasSingleBean(DataSourceMonitor.class);
			assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
			assertThat(context.getBean(DataSourceMonitor.class).monitored()).isEmpty();
		});
	}

	@Test
	void backsOffWithoutDataSourceEveryFeatureToo() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DbPerfAutoConfiguration.class, DbPerfMetricsAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSourceMonitor.class)
				.doesNotHaveBean(StatementStatistics.class)
				.doesNotHaveBean(Connections.class)
				.doesNotHaveBean(TraceIds.class)
				.doesNotHaveBean(StatementMetrics.class));
	}

	@Test
	void withoutMicrometerCaptureStillWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasSingleBean(DataSourceMonitor.class).doesNotHaveBean(StatementMetrics.class);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(MonitoredDataSource.class);
			// A statement is captured and counted without any meter.
			try (java.sql.Connection connection = dataSource.getConnection();
					java.sql.Statement statement = connection.createStatement()) {
				statement.execute("select 42");
			}
			assertThat(context.getBean(io.github.dbperf.statistics.StatementStatistics.class).fingerprints())
				.extracting(io.github.dbperf.capture.SqlFingerprint::sql)
				.contains("select ?");
		});
	}

	@Test
	void withoutMeterRegistryBeanNoMetrics() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, DbPerfAutoConfiguration.class,
					DbPerfMetricsAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:nometrics")
			.run((context) -> assertThat(context).hasSingleBean(DataSourceMonitor.class)
				.doesNotHaveBean(StatementMetrics.class));
	}

	@Test
	void userSuppliedBeansWin() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(SqlFingerprinter.class)).isSameAs(UserBeans.FINGERPRINTER);
			assertThat(context.getBean(StatementMetrics.class)).isSameAs(UserBeans.METRICS);
		});
	}

	@Test
	void userDefinedDataSourceIsWrappedOnceUnderItsBeanName() {
		this.contextRunner.withUserConfiguration(UserDataSource.class).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(((MonitoredDataSource) dataSource).getDbPerfName()).isEqualTo("ordersDataSource");
			assertThat(AopProxyUtils.getSingletonTarget(dataSource)).isNotInstanceOf(MonitoredDataSource.class);
			assertThat(context.getBean(DataSourceMonitor.class).monitored()).hasSize(1);
		});
	}

	@Test
	void invalidThresholdFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("dbperf.slow-query.threshold=-5ms").run((context) -> {
			assertThat(context).hasFailed();
			// Rejected by Boot's validation of the bound properties: the binder names the
			// field,
			// the value and what is allowed.
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(BindValidationException.class,
						(validation) -> assertThat(validation.getValidationErrors().getAllErrors()).singleElement()
							.isInstanceOfSatisfying(FieldError.class, (error) -> {
								assertThat(error.getField()).isEqualTo("slowQuery.threshold");
								assertThat(error.getDefaultMessage())
									.isEqualTo("a positive duration such as 150ms or 2s");
							}));
		});
	}

	@Test
	void unknownNPlusOneModeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("dbperf.n-plus-one.mode=loud").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(causes(context.getStartupFailure())).contains("dbperf.n-plus-one.mode").contains("loud");
		});
	}

	@Test
	void propertiesBindFromKebabCase() {
		this.contextRunner
			.withPropertyValues("dbperf.slow-query.threshold=150ms", "dbperf.n-plus-one.mode=strict",
					"dbperf.n-plus-one.threshold=7", "dbperf.statistics.max-statements=100")
			.run((context) -> {
				DbPerfProperties properties = context.getBean(DbPerfProperties.class);
				assertThat(properties.getSlowQuery().getThreshold()).hasMillis(150);
				assertThat(properties.getNPlusOne().getMode()).isEqualTo(DbPerfProperties.NPlusOneMode.STRICT);
				assertThat(properties.getNPlusOne().getThreshold()).isEqualTo(7);
				assertThat(properties.getStatistics().getMaxStatements()).isEqualTo(100);
			});
	}

	private static String causes(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final SqlFingerprinter FINGERPRINTER = new SqlFingerprinter(16 * 1024);

		static final StatementMetrics METRICS = new StatementMetrics(
				new io.github.dbperf.metrics.DeferredMeterRegistry());

		@Bean
		SqlFingerprinter userFingerprinter() {
			return FINGERPRINTER;
		}

		@Bean
		StatementMetrics userMetrics() {
			return METRICS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDataSource {

		@Bean
		DataSource ordersDataSource() {
			return DataSourceBuilder.create().url("jdbc:h2:mem:orders").type(HikariDataSource.class).build();
		}

	}

}

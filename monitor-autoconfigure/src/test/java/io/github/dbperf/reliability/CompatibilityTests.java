package io.github.dbperf.reliability;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.autoconfigure.DbPerfAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfMetricsAutoConfiguration;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;
import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several DataSources, a routing DataSource, a lazy DataSource, and dbperf switched off.
 */
class CompatibilityTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, BootAutoConfigurations.METRICS,
				BootAutoConfigurations.SIMPLE_METRICS_EXPORT, DbPerfAutoConfiguration.class,
				DbPerfMetricsAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES));

	/**
	 * With the application's datasource-proxy listener, each layer's connection is
	 * datasource-proxy's proxy of the one below: a routed statement is still recorded
	 * once.
	 */
	@ParameterizedTest(name = "an application datasource-proxy listener: {0}")
	@ValueSource(booleans = { false, true })
	void twoDataSourcesAndARoutingDataSourceAreEachWrappedOnceAndCountedOnce(boolean listener) {
		ApplicationContextRunner runner = this.contextRunner.withUserConfiguration(RoutingConfiguration.class);
		if (listener) {
			runner = runner.withBean(QueryExecutionListener.class, () -> QueryExecutionListener.DEFAULT);
		}
		runner.run((context) -> {
			assertThat(context.getBean(DataSourceMonitor.class).monitored())
				.extracting(DataSourceMonitor.Monitored::name)
				.containsExactlyInAnyOrder("ordersDataSource", "archiveDataSource", "routingDataSource");
			for (String name : new String[] { "ordersDataSource", "archiveDataSource", "routingDataSource" }) {
				DataSource dataSource = context.getBean(name, DataSource.class);
				assertThat(dataSource).isInstanceOf(MonitoredDataSource.class);
				assertThat(AopUtils.getTargetClass(dataSource)).isNotEqualTo(dataSource.getClass());
			}
			JdbcTemplate routed = new JdbcTemplate(context.getBean("routingDataSource", DataSource.class));
			JdbcTemplate archive = new JdbcTemplate(context.getBean("archiveDataSource", DataSource.class));
			for (int i = 0; i < 3; i++) {
				routed.queryForObject("select 1", Integer.class);
			}
			archive.queryForObject("select 2", Integer.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			// Routed statements are recorded once, by the target that ran them.
			assertThat(count(registry, "ordersDataSource")).isEqualTo(3);
			assertThat(count(registry, "archiveDataSource")).isEqualTo(1);
			assertThat(count(registry, "routingDataSource")).isZero();
		});
	}

	@Test
	void lazyDataSourceIsNotInitialisedEarly() {
		this.contextRunner.withUserConfiguration(LazyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanFactory().containsSingleton("lazyDataSource")).isFalse();
			DataSource dataSource = context.getBean("lazyDataSource", DataSource.class);
			assertThat(new JdbcTemplate(dataSource).queryForObject("select 7", Integer.class)).isEqualTo(7);
			assertThat(context.getBean(DataSourceMonitor.class).monitored())
				.extracting(DataSourceMonitor.Monitored::name)
				.containsExactly("lazyDataSource");
		});
	}

	@Test
	void disabledLeavesTheVerySameDataSourceInstance() {
		this.contextRunner.withUserConfiguration(SingleConfiguration.class)
			.withPropertyValues("dbperf.enabled=false")
			.run((context) -> assertThat(context.getBean(DataSource.class)).isSameAs(SingleConfiguration.POOL));
	}

	private static long count(MeterRegistry registry, String dataSource) {
		return registry.find("dbperf.statements")
			.tag("datasource", dataSource)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	static HikariDataSource h2(String name) {
		return DataSourceBuilder.create().url("jdbc:h2:mem:" + name).type(HikariDataSource.class).build();
	}

	@Configuration(proxyBeanMethods = false)
	static class RoutingConfiguration {

		@Bean
		DataSource ordersDataSource() {
			return h2("orders");
		}

		@Bean
		DataSource archiveDataSource() {
			return h2("archive");
		}

		@Bean
		@Primary
		DataSource routingDataSource(DataSource ordersDataSource, DataSource archiveDataSource) {
			AbstractRoutingDataSource routing = new AbstractRoutingDataSource() {
				@Override
				protected Object determineCurrentLookupKey() {
					return "orders";
				}
			};
			routing.setTargetDataSources(Map.of("orders", ordersDataSource, "archive", archiveDataSource));
			routing.afterPropertiesSet();
			return routing;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LazyConfiguration {

		@Bean
		@Lazy
		DataSource lazyDataSource() {
			return h2("lazy");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SingleConfiguration {

		static final HikariDataSource POOL = h2("single");

		@Bean
		DataSource dataSource() {
			return POOL;
		}

	}

}

package io.github.dbperf.capture;

import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.autoconfigure.DbPerfAutoConfiguration;
import io.github.dbperf.autoconfigure.DbPerfMetricsAutoConfiguration;
import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.dbcp2.BasicDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pool Boot supports keeps its class when dbperf wraps it: an application that
 * injects it by its own class still starts, and its statements are recorded once.
 */
class PoolTypesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BootAutoConfigurations.METRICS, BootAutoConfigurations.SIMPLE_METRICS_EXPORT,
						DbPerfAutoConfiguration.class, DbPerfMetricsAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES));

	@ParameterizedTest
	@ValueSource(classes = { HikariDataSource.class, org.apache.tomcat.jdbc.pool.DataSource.class,
			BasicDataSource.class, SimpleDriverDataSource.class })
	void poolInjectedByItsOwnClassIsMonitoredOnce(Class<? extends DataSource> poolType) {
		this.contextRunner.withBean("dataSource", DataSource.class, () -> pool(poolType)).run((context) -> {
			assertThat(context).hasNotFailed();
			DataSource bean = context.getBean(DataSource.class);
			assertThat(bean).isInstanceOf(poolType).isInstanceOf(MonitoredDataSource.class);
			assertThat(AopProxyUtils.getSingletonTarget(bean)).isNotSameAs(bean).isInstanceOf(poolType);
			// What "@Autowired HikariDataSource dataSource" resolves to.
			assertThat(context.getBean(poolType)).isSameAs(bean);
			JdbcTemplate jdbc = new JdbcTemplate(bean);
			for (int i = 0; i < 3; i++) {
				assertThat(jdbc.queryForObject("select 40 + 2", Integer.class)).isEqualTo(42);
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dbperf.statements").tag("datasource", "dataSource").timer().count()).isEqualTo(3);
			// Each borrow is followed, and a transaction of Spring's JDBC transaction
			// manager.
			assertThat(registry.get("dbperf.connections.held").tag("datasource", "dataSource").functionTimer().count())
				.isEqualTo(3);
			new TransactionTemplate(new DataSourceTransactionManager(bean))
				.executeWithoutResult((status) -> jdbc.queryForObject("select 1", Integer.class));
			assertThat(registry.get("dbperf.connections.idle-in-transaction")
				.tag("datasource", "dataSource")
				.functionTimer()
				.count()).isEqualTo(1);
			assertThat(registry.get("dbperf.connections.held").tag("datasource", "dataSource").functionTimer().count())
				.isEqualTo(4);
			assertThat(bean.toString()).contains("dbperf monitored DataSource 'dataSource'");
		});
	}

	@Test
	void hikariSettingsReadThroughTheWrapperAreThePools() {
		this.contextRunner.withBean("dataSource", DataSource.class, () -> pool(HikariDataSource.class))
			.run((context) -> {
				HikariDataSource wrapper = context.getBean(HikariDataSource.class);
				HikariDataSource pool = (HikariDataSource) AopProxyUtils.getSingletonTarget(wrapper);
				assertThat(pool).isNotSameAs(wrapper);
				// JDBC's contract: a wrapper that is of the requested type unwraps to
				// itself.
				assertThat(wrapper.unwrap(HikariDataSource.class)).isSameAs(wrapper);
				assertThat(wrapper.getJdbcUrl()).isEqualTo(pool.getJdbcUrl()).startsWith("jdbc:h2:mem:");
				wrapper.setMaximumPoolSize(7);
				assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
				// Identity, as for the proxy of any bean: the wrapper is a key of its own
				// in transaction
				// synchronisation, never confused with the pool.
				assertThat(wrapper.hashCode()).isEqualTo(System.identityHashCode(wrapper))
					.isNotEqualTo(System.identityHashCode(pool));
				assertThat(wrapper.equals(pool)).isFalse();
				assertThat(pool.equals(wrapper)).isFalse();
				assertThat(Set.of(wrapper, pool)).hasSize(2).contains(wrapper);
			});
	}

	@Test
	void circularReferenceToTheDataSourceGetsTheSameWrapper() {
		this.contextRunner.withAllowCircularReferences(true)
			.withUserConfiguration(CircularConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HikariDataSource bean = context.getBean(HikariDataSource.class);
				assertThat(bean).isInstanceOf(CircularConfiguration.TunedDataSource.class)
					.isInstanceOf(MonitoredDataSource.class);
				assertThat(context.getBean(CircularConfiguration.Health.class).dataSource).isSameAs(bean);
			});
	}

	static DataSource pool(Class<? extends DataSource> type) {
		String url = "jdbc:h2:mem:" + type.getSimpleName() + System.nanoTime();
		if (type == HikariDataSource.class) {
			HikariDataSource hikari = new HikariDataSource();
			hikari.setJdbcUrl(url);
			return hikari;
		}
		if (type == org.apache.tomcat.jdbc.pool.DataSource.class) {
			org.apache.tomcat.jdbc.pool.DataSource tomcat = new org.apache.tomcat.jdbc.pool.DataSource();
			tomcat.setUrl(url);
			tomcat.setDriverClassName("org.h2.Driver");
			return tomcat;
		}
		if (type == BasicDataSource.class) {
			BasicDataSource dbcp = new BasicDataSource();
			dbcp.setUrl(url);
			return dbcp;
		}
		return new SimpleDriverDataSource(new org.h2.Driver(), url);
	}

	@Configuration(proxyBeanMethods = false)
	static class CircularConfiguration {

		@Bean
		TunedDataSource dataSource() {
			TunedDataSource dataSource = new TunedDataSource();
			dataSource.setJdbcUrl("jdbc:h2:mem:circular");
			return dataSource;
		}

		@Bean
		Health health() {
			return new Health();
		}

		/** A pool that needs a bean that needs the pool. */
		public static class TunedDataSource extends HikariDataSource {

			@Autowired
			Health health;

		}

		static class Health {

			@Autowired
			HikariDataSource dataSource;

		}

	}

}

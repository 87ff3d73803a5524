package io.github.dbperf.autoconfigure;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.DataSourceWrapper;
import io.github.dbperf.testsupport.BootAutoConfigurations;
import io.github.dbperf.testsupport.DbPerfAutoConfigurations;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy hints match the proxies dbperf really creates.
 */
class DbPerfRuntimeHintsTests {

	@Test
	void hintsCoverTheRealProxies() {
		RuntimeHints hints = new RuntimeHints();
		new DbPerfRuntimeHints().registerHints(hints, getClass().getClassLoader());
		// The dashboard reads its stylesheet and script from the class path.
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/dbperf/endpoint/dashboard.css"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("io/github/dbperf/endpoint/dashboard.js"))
			.accepts(hints);
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, DbPerfAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:hints")
			.run((context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				// In a native image the wrapper is the JDK proxy a native image can have.
				HikariDataSource pool = (HikariDataSource) AopProxyUtils.getSingletonTarget(dataSource);
				DataSource nativeWrapper = DataSourceWrapper.wrap(pool, "dataSource",
						context.getBean(DataSourceMonitor.class).listener("dataSource"), false);
				assertThat(Proxy.isProxyClass(nativeWrapper.getClass())).isTrue();
				assertThat(RuntimeHintsPredicates.proxies().forInterfaces(nativeWrapper.getClass().getInterfaces()))
					.accepts(hints);
				try (Connection connection = dataSource.getConnection();
						PreparedStatement statement = connection.prepareStatement("select 1")) {
					// dbperf's JDBC objects are plain classes: nothing for a native image
					// to generate.
					assertThat(Proxy.isProxyClass(connection.getClass())).isFalse();
					assertThat(Proxy.isProxyClass(statement.getClass())).isFalse();
					assertThat(statement).isInstanceOf(net.ttddyy.dsproxy.proxy.ProxyJdbcObject.class);
				}
			});
	}

	@Test
	void hintsCoverDatasourceProxysProxiesThatTheApplicationsListenersRunOn() {
		RuntimeHints hints = new RuntimeHints();
		new DbPerfRuntimeHints().registerHints(hints, getClass().getClassLoader());
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BootAutoConfigurations.DATA_SOURCE, DbPerfAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(DbPerfAutoConfigurations.FEATURES))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:listenerhints")
			.withBean(QueryExecutionListener.class, () -> QueryExecutionListener.DEFAULT)
			.run((context) -> {
				try (Connection connection = context.getBean(DataSource.class).getConnection();
						PreparedStatement statement = connection.prepareStatement("select 1")) {
					for (Object jdbc : List.of(connection, statement)) {
						Object inner = ((ProxyJdbcObject) jdbc).getTarget();
						assertThat(Proxy.isProxyClass(inner.getClass())).isTrue();
						assertThat(RuntimeHintsPredicates.proxies().forInterfaces(inner.getClass().getInterfaces()))
							.accepts(hints);
					}
				}
			});
	}

}

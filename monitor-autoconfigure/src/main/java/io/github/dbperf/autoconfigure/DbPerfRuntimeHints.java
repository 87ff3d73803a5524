package io.github.dbperf.autoconfigure;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import io.github.dbperf.capture.DataSourceWrapper;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image needs for dbperf: the JDK proxy that wraps a HikariCP pool there (a
 * native image cannot define the subclass dbperf uses elsewhere), the dashboard's
 * stylesheet and script, and datasource-proxy's JDK proxies of the JDBC objects, which
 * the application's own datasource-proxy listeners run on ({@code ProxyListeners}).
 * dbperf's JDBC objects are plain classes and need no hint.
 */
class DbPerfRuntimeHints implements RuntimeHintsRegistrar {

	static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern("io/github/dbperf/endpoint/dashboard.*");
		for (Class<?> jdbcType : List.of(Connection.class, Statement.class, PreparedStatement.class,
				CallableStatement.class, ResultSet.class)) {
			// As datasource-proxy's JdkJdbcProxyFactory makes them.
			hints.proxies().registerJdkProxy(ProxyJdbcObject.class, jdbcType);
		}
		if (ClassUtils.isPresent(HIKARI, classLoader)) {
			Class<?> hikari = ClassUtils.resolveClassName(HIKARI, classLoader);
			hints.proxies()
				.registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(DataSourceWrapper.proxyInterfaces(hikari)));
		}
	}

}

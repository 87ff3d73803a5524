package io.github.dbperf.autoconfigure;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import io.github.dbperf.capture.DataSourceWrapper;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image needs for dbperf: the JDK proxies datasource-proxy creates for
 * JDBC objects, and dbperf's DataSource wrapper around a HikariCP pool.
 */
class DbPerfRuntimeHints implements RuntimeHintsRegistrar {

	static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		for (Class<?> jdbcType : new Class<?>[] { Connection.class, Statement.class, PreparedStatement.class,
				CallableStatement.class, ResultSet.class }) {
			hints.proxies().registerJdkProxy(ProxyJdbcObject.class, jdbcType);
		}
		if (ClassUtils.isPresent(HIKARI, classLoader)) {
			Class<?> hikari = ClassUtils.resolveClassName(HIKARI, classLoader);
			hints.proxies()
				.registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(DataSourceWrapper.proxyInterfaces(hikari)));
		}
	}

}

package io.github.dbperf.autoconfigure;

import io.github.dbperf.capture.DataSourceWrapper;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * What a native image needs for dbperf: the JDK proxy that wraps a HikariCP pool there (a
 * native image cannot define the subclass dbperf uses elsewhere), and the dashboard's
 * stylesheet and script. dbperf's JDBC objects are plain classes and need no hint.
 */
class DbPerfRuntimeHints implements RuntimeHintsRegistrar {

	static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern("io/github/dbperf/endpoint/dashboard.*");
		if (ClassUtils.isPresent(HIKARI, classLoader)) {
			Class<?> hikari = ClassUtils.resolveClassName(HIKARI, classLoader);
			hints.proxies()
				.registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(DataSourceWrapper.proxyInterfaces(hikari)));
		}
	}

}

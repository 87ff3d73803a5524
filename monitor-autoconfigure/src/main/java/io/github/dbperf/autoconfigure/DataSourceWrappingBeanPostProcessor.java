package io.github.dbperf.autoconfigure;

import javax.sql.DataSource;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Wraps every DataSource bean, named after the bean, unless excluded, scoped-target or
 * already wrapped. Does not touch the DataSource in any other way (no connection is
 * opened).
 */
final class DataSourceWrappingBeanPostProcessor implements BeanPostProcessor, Ordered {

	private final ObjectProvider<DataSourceMonitor> monitor;

	DataSourceWrappingBeanPostProcessor(ObjectProvider<DataSourceMonitor> monitor) {
		this.monitor = monitor;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof MonitoredDataSource)
				&& !ScopedProxyUtils.isScopedTarget(beanName)) {
			DataSourceMonitor monitor = this.monitor.getObject();
			if (monitor.isMonitored(beanName)) {
				return monitor.wrap(beanName, dataSource);
			}
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

package io.github.dbperf.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.capture.MonitoredDataSource;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Wraps every DataSource bean, named after the bean, unless excluded, scoped-target or
 * already wrapped. Does not touch the DataSource in any other way (no connection is
 * opened). A DataSource that another bean references early (a circular reference) is
 * wrapped then, and the same wrapper is the bean.
 */
final class DataSourceWrappingBeanPostProcessor implements SmartInstantiationAwareBeanPostProcessor, Ordered {

	private final ObjectProvider<DataSourceMonitor> monitor;

	private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();

	DataSourceWrappingBeanPostProcessor(ObjectProvider<DataSourceMonitor> monitor) {
		this.monitor = monitor;
	}

	@Override
	public Object getEarlyBeanReference(Object bean, String beanName) {
		Object wrapped = wrapIfNeeded(bean, beanName);
		if (wrapped != bean) {
			this.earlyReferences.put(beanName, bean);
		}
		return wrapped;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.earlyReferences.remove(beanName) == bean) {
			// The container hands out the early wrapper for this bean.
			return bean;
		}
		return wrapIfNeeded(bean, beanName);
	}

	private Object wrapIfNeeded(Object bean, String beanName) {
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

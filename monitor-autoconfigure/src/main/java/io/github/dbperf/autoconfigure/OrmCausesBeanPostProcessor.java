package io.github.dbperf.autoconfigure;

import io.github.dbperf.orm.HibernateCauses;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Turns dbperf's Hibernate listeners on for the entity manager factories of this
 * application context (a JPA property the {@link HibernateCauses} integrator reads),
 * before each factory is built. A context without dbperf, or with
 * {@code dbperf.enabled=false}, gets no listener at all; a factory whose properties
 * already say {@code dbperf.orm.causes=false} is left as it is.
 */
final class OrmCausesBeanPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factoryBean) {
			factoryBean.getJpaPropertyMap().putIfAbsent(HibernateCauses.ENABLED, "true");
		}
		return bean;
	}

}

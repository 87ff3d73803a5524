package io.github.dbperf.autoconfigure;

import java.util.List;

import io.github.dbperf.attribution.RepositoryCallListener;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.attribution.RepositoryMethodInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactoryCustomizer;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

/**
 * Adds a {@link RepositoryMethodInterceptor} to every Spring Data repository proxy,
 * through the repository factory customizer hook (no AspectJ weaving). The interceptor is
 * first in the chain, so statements flushed when the repository's transaction commits
 * still belong to the call.
 */
final class RepositoryAttributionBeanPostProcessor implements BeanPostProcessor {

	private final RepositoryFactoryCustomizer customizer;

	RepositoryAttributionBeanPostProcessor(ObjectProvider<RepositoryCallListener> listeners,
			ObjectProvider<UnitsOfWork> units) {
		this.customizer = new AttributionCustomizer(listeners, units);
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof RepositoryFactoryBeanSupport<?, ?, ?> factoryBean) {
			factoryBean.addRepositoryFactoryCustomizer(this.customizer);
		}
		return bean;
	}

	private record AttributionCustomizer(ObjectProvider<RepositoryCallListener> listeners,
			ObjectProvider<UnitsOfWork> units) implements RepositoryFactoryCustomizer {

		@Override
		public void customize(RepositoryFactorySupport repositoryFactory) {
			List<RepositoryCallListener> listeners = this.listeners.orderedStream().toList();
			UnitsOfWork units = this.units.getObject();
			repositoryFactory.addRepositoryProxyPostProcessor(
					(proxyFactory, information) -> proxyFactory.addAdvice(0, new RepositoryMethodInterceptor(
							information.getRepositoryInterface(), information.getDomainType(), listeners, units)));
		}

	}

}

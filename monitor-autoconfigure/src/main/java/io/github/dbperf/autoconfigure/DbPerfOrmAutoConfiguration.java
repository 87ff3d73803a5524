package io.github.dbperf.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.attribution.AssociationMappings;
import io.github.dbperf.capture.DataSourceMonitor;
import io.github.dbperf.findings.WriteMappings;
import io.github.dbperf.orm.HibernateMappings;
import io.github.dbperf.orm.HibernateWriteMappings;
import io.github.dbperf.orm.ReviewedMappings;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * With Hibernate and Spring's JPA support: statements know their ORM cause, and findings
 * name the association behind a loop and its mapping; the mappings and settings are
 * reviewed once at startup.
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class)
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfOrmAutoConfiguration {

	/**
	 * With Hibernate and Spring's JPA support, statements know their ORM cause: the
	 * entity manager factories of this context turn dbperf's Hibernate listeners on.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.hibernate.integrator.spi.Integrator",
			"org.springframework.orm.jpa.AbstractEntityManagerFactoryBean" })
	static class OrmCausesConfiguration {

		@Bean
		static OrmCausesBeanPostProcessor dbPerfOrmCausesBeanPostProcessor() {
			return new OrmCausesBeanPostProcessor();
		}

	}

	/**
	 * With Hibernate and JPA, findings name the association behind a loop and its
	 * mapping.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.hibernate.engine.spi.SessionFactoryImplementor", "jakarta.persistence.EntityManagerFactory" })
	static class HibernateMappingsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AssociationMappings dbPerfAssociationMappings(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new HibernateMappings(entityManagerFactory::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		WriteMappings dbPerfWriteMappings(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
			return new HibernateWriteMappings(entityManagerFactory::getIfUnique);
		}

		@Bean
		@ConditionalOnMissingBean
		ReviewedMappings dbPerfReviewedMappings(ConfigurableListableBeanFactory beans, DbPerfProperties properties) {
			return new ReviewedMappings(() -> createdFactories(beans), openInView(beans),
					properties.getMappings().getIgnore());
		}

		/**
		 * The entity manager factories already created: reviewing the mappings never
		 * creates one that a lazy context has not.
		 */
		private static List<EntityManagerFactory> createdFactories(ConfigurableListableBeanFactory beans) {
			List<EntityManagerFactory> factories = new ArrayList<>();
			for (String name : beans.getBeanNamesForType(EntityManagerFactory.class, false, false)) {
				if (beans.containsSingleton(name)) {
					factories.add(beans.getBean(name, EntityManagerFactory.class));
				}
			}
			return factories;
		}

		/**
		 * Reviews the mappings once every singleton is ready (the entity manager
		 * factories are built then) and says so in one line.
		 */
		@Bean
		SmartInitializingSingleton dbPerfMappingReview(ObjectProvider<ReviewedMappings> reviewed) {
			return () -> reviewed.ifAvailable((mappings) -> mappings.reviewAndLog("/actuator/dbperf"));
		}

		/**
		 * Whether open session in view is registered: Boot's interceptor (on unless
		 * {@code spring.jpa.open-in-view=false} in a web application) or the
		 * application's own filter or interceptor bean.
		 */
		private static boolean openInView(ListableBeanFactory beans) {
			ClassLoader classLoader = DbPerfAutoConfiguration.class.getClassLoader();
			for (String type : new String[] { "org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor",
					"org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter" }) {
				if (ClassUtils.isPresent(type, classLoader) && beans
					.getBeanNamesForType(ClassUtils.resolveClassName(type, classLoader), true, false).length > 0) {
					return true;
				}
			}
			return false;
		}

	}

}

package io.github.dbperf.autoconfigure;

import io.github.dbperf.attribution.AttributionTaskDecorator;
import io.github.dbperf.attribution.RequestUnitOfWorkFilter;
import io.github.dbperf.attribution.ResponsePhase;
import io.github.dbperf.attribution.ScheduledUnitOfWorkHandler;
import io.github.dbperf.attribution.UnitsOfWork;
import io.github.dbperf.capture.DataSourceMonitor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Units of work beyond scopes and repository calls: HTTP requests (Spring MVC), scheduled
 * runs, and the tasks they start on other threads.
 */
@AutoConfiguration(after = DbPerfAutoConfiguration.class)
@ConditionalOnBean(DataSourceMonitor.class)
public final class DbPerfWebAttributionAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.HandlerMapping",
			"org.springframework.boot.web.servlet.FilterRegistrationBean" })
	static class RequestUnitOfWorkConfiguration {

		@Bean
		ResponsePhase dbPerfResponsePhase() {
			return new ResponsePhase();
		}

		@Bean
		WebMvcConfigurer dbPerfResponsePhaseConfigurer(ResponsePhase phase) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(phase);
				}

			};
		}

		@Bean
		@ConditionalOnMissingBean(name = "dbPerfRequestUnitOfWorkFilter")
		FilterRegistrationBean<RequestUnitOfWorkFilter> dbPerfRequestUnitOfWorkFilter(UnitsOfWork units) {
			FilterRegistrationBean<RequestUnitOfWorkFilter> registration = new FilterRegistrationBean<>(
					new RequestUnitOfWorkFilter(units));
			// Outside security and other filters, so statements they run belong to the
			// request.
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.observation.ObservationHandler",
			"org.springframework.scheduling.support.ScheduledTaskObservationContext" })
	static class ScheduledUnitOfWorkConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ScheduledUnitOfWorkHandler dbPerfScheduledUnitOfWorkHandler(UnitsOfWork units) {
			return new ScheduledUnitOfWorkHandler(units);
		}

	}

	/**
	 * Statements of {@code @Async} methods and of tasks on Boot's executors count for the
	 * entry point that started them. Backs off when the application has a TaskDecorator
	 * of its own (Boot applies only a unique one); with Micrometer's context propagation
	 * ({@code ContextPropagatingTaskDecorator}) dbperf's ThreadLocalAccessor does the
	 * same.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "dbperf.attribution.propagate-to-tasks", matchIfMissing = true)
	static class TaskAttributionConfiguration {

		@Bean
		@ConditionalOnMissingBean(TaskDecorator.class)
		AttributionTaskDecorator dbPerfAttributionTaskDecorator() {
			return new AttributionTaskDecorator();
		}

	}

}

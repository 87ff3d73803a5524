package io.github.dbperf.testsupport;

/**
 * Spring Boot's own auto-configurations that tests use, for Spring Boot 3.5.
 */
public final class BootAutoConfigurations {

	public static final Class<?> DATA_SOURCE = org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration.class;

	public static final Class<?> METRICS = org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration.class;

	public static final Class<?> SIMPLE_METRICS_EXPORT = org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration.class;

	public static final Class<?> WEB_MVC = org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration.class;

	private BootAutoConfigurations() {
	}

}

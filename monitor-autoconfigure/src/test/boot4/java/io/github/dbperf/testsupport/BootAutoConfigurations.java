package io.github.dbperf.testsupport;

/**
 * Spring Boot's own auto-configurations that tests use, for Spring Boot 4 (they moved to
 * modules of their own).
 */
public final class BootAutoConfigurations {

	public static final Class<?> DATA_SOURCE = org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class;

	public static final Class<?> METRICS = org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class;

	public static final Class<?> SIMPLE_METRICS_EXPORT = org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration.class;

	public static final Class<?> WEB_MVC = org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class;

	private BootAutoConfigurations() {
	}

}

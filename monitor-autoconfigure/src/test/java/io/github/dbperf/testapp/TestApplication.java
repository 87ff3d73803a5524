package io.github.dbperf.testapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * A minimal Spring Data JPA application for behaviour tests on real engines.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan
@EnableAutoConfiguration
public class TestApplication {

	/** Properties every JPA test context uses besides the engine's connection. */
	public static final String[] JPA_PROPERTIES = { "spring.jpa.hibernate.ddl-auto=create-drop",
			"spring.jpa.open-in-view=false", "spring.main.web-application-type=none" };

}

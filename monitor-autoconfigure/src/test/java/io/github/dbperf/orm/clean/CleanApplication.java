package io.github.dbperf.orm.clean;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A model mapped as a Hibernate expert would map it. Its own package, so its entities
 * stay out of the other test applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CleanApplication {

}

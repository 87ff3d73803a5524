package io.github.dbperf.orm.defects;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A model with one defect per mapping finding, and Hibernate's default settings. Its own
 * package, so its entities stay out of the other test applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class DefectsApplication {

}

package io.github.dbperf.clinic;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A clinic like the server-rendered application the advice was first tried on: owners
 * with EAGER pets with EAGER visits, a paged owner search, vets with EAGER specialties
 * served paged and unpaged through inherited {@code findAll} overloads. Its own package,
 * so its entities stay out of the other test applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ClinicApplication {

}

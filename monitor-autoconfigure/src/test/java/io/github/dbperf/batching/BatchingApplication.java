package io.github.dbperf.batching;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Batch fetching mapped rather than configured: {@code @BatchSize} on an association and
 * on an entity class, and {@code @Fetch(SUBSELECT)}. Its own package, so its entities
 * stay out of the other test applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BatchingApplication {

}

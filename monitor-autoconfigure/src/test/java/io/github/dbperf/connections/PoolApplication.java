package io.github.dbperf.connections;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * A pool of two connections and routes that hold it: a transaction that waits (standing
 * for a remote call) inside itself, its fixed twin that waits outside, a fast route, and
 * one that leaks a connection. The waits are gates the test opens, so nothing depends on
 * the machine's speed. Its own package, so its entity stays out of the other test
 * applications.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan
public class PoolApplication {

}

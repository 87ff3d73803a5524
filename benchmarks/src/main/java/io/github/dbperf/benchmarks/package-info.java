/**
 * JMH benchmarks of dbperf's overhead and the end-to-end harness.
 */
package io.github.dbperf.benchmarks;

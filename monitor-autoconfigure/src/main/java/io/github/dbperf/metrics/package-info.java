/**
 * Micrometer meters for statements, repository calls and units of work.
 */
package io.github.dbperf.metrics;

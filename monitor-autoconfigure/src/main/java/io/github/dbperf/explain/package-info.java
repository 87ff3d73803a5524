/**
 * Execution plans of slow SELECTs, captured asynchronously per database dialect.
 */
package io.github.dbperf.explain;

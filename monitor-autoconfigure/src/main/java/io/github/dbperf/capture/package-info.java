/**
 * Statement capture: the datasource-proxy listener, statement events and SQL
 * fingerprints.
 */
package io.github.dbperf.capture;

/**
 * Auto-configuration of dbperf and its {@code dbperf.*} properties.
 */
package io.github.dbperf.autoconfigure;

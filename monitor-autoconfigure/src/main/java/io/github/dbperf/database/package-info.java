/**
 * The database's own view of the statements: server-side statement statistics
 * ({@code pg_stat_statements}, {@code performance_schema} digests) read periodically and
 * joined to dbperf's fingerprints.
 */
package io.github.dbperf.database;

/**
 * Statistics: bounded per-fingerprint and per-repository-method totals and their
 * snapshots.
 */
package io.github.dbperf.statistics;

/**
 * Slow statements: a bounded ring buffer and a WARN log line on the caller's thread.
 */
package io.github.dbperf.slow;

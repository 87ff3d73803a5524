/**
 * N+1 detection: repeated SELECTs within one unit of work.
 */
package io.github.dbperf.nplusone;

/**
 * The dbperf sample application: a library catalogue.
 */
package io.github.dbperf.sample;

/**
 * Attribution: the thread-bound context of repository calls and units of work.
 */
package io.github.dbperf.attribution;

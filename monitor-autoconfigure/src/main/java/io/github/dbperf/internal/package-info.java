/**
 * What several of dbperf's packages share and no application should use.
 */
package io.github.dbperf.internal;

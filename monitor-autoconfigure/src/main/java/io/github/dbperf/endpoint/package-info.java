/**
 * The {@code /actuator/dbperf} endpoint, its descriptor records and its HTML view.
 */
package io.github.dbperf.endpoint;

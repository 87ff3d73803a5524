/**
 * dbperf in the database's own views: the code's name in the SQL the database sees.
 */
package io.github.dbperf.tracing;

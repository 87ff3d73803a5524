/**
 * dbperf in the traces and in the database's own views: trace ids on what it reports, its
 * summary on the request's span, the code's name in the SQL the database sees.
 */
package io.github.dbperf.tracing;

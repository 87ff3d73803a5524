/**
 * Findings: one {@link io.github.dbperf.findings.Finding} model for every kind, and a
 * detector per family (repetitions, ORM loads, regressions, the database's own view).
 */
package io.github.dbperf.findings;

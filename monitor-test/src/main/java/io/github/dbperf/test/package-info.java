/**
 * dbperf-test: JUnit 5 statement budgets and N+1 assertions for applications' own tests.
 */
package io.github.dbperf.test;

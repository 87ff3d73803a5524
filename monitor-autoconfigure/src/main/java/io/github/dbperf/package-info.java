/**
 * dbperf: watches what the application's ORM does to its database.
 */
package io.github.dbperf;

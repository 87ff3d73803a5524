/**
 * Hibernate glue: why the ORM ran each statement, and how its associations are mapped.
 */
package io.github.dbperf.orm;

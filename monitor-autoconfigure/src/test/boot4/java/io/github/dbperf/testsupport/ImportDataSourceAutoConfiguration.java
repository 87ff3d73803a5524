package io.github.dbperf.testsupport;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports Spring Boot's DataSource auto-configuration, wherever this Boot generation keeps it.
 */
@ImportAutoConfiguration(org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class)
public final class ImportDataSourceAutoConfiguration {

}

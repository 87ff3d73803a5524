package io.github.dbperf.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where one kind of database keeps its statement statistics.
 */
interface ServerStatementSource {

	/**
	 * The view's name, for people.
	 * @return e.g. {@code pg_stat_statements}
	 */
	String name();

	/**
	 * What the server does to a statement's text before it keeps it.
	 * @return the rules the join applies to both sides
	 */
	StatementJoin.Rules joinRules();

	/**
	 * Whether the view exists and can be read here.
	 * @param connection a read-only connection
	 * @return {@code null} when it can be read, otherwise why not and what to do
	 * @throws SQLException from the driver
	 */
	String unavailable(Connection connection) throws SQLException;

	/**
	 * Something that changes when the whole view is reset ({@code stats_reset}), or
	 * {@code null} when the view has no such thing.
	 * @param connection a read-only connection
	 * @return the marker
	 * @throws SQLException from the driver
	 */
	Object resetMarker(Connection connection) throws SQLException;

	/**
	 * The statements of the connection's database.
	 * @param connection a read-only connection
	 * @param timeoutSeconds the statement timeout
	 * @return their running totals
	 * @throws SQLException from the driver
	 */
	List<ServerStatement> read(Connection connection, int timeoutSeconds) throws SQLException;

	/**
	 * The source for a database product.
	 * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
	 * @param majorVersion the server's major version
	 * @return the source, or {@code null} when the database keeps no statement statistics
	 * dbperf can read
	 */
	static ServerStatementSource of(String productName, int majorVersion) {
		if ("PostgreSQL".equals(productName)) {
			return new PostgresStatements(majorVersion);
		}
		if ("MariaDB".equals(productName) || "MySQL".equals(productName)) {
			return new PerformanceSchemaDigests();
		}
		return null;
	}

}

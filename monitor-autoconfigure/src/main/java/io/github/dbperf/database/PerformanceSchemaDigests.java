package io.github.dbperf.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's and MySQL's {@code performance_schema.events_statements_summary_by_digest},
 * this schema's statements only. Times are picoseconds there.
 */
final class PerformanceSchemaDigests implements ServerStatementSource {

	private static final String TABLE = "performance_schema.events_statements_summary_by_digest";

	@Override
	public String name() {
		return TABLE;
	}

	@Override
	public StatementJoin.Rules joinRules() {
		return StatementJoin.Rules.DIGEST;
	}

	@Override
	public String unavailable(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select @@performance_schema");
				ResultSet result = statement.executeQuery()) {
			result.next();
			if (!result.getBoolean(1)) {
				return "performance_schema is OFF: start the server with performance_schema=ON";
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("select 1 from " + TABLE + " limit 1");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return null;
		}
		catch (SQLException ex) {
			return TABLE + " cannot be read: " + ex.getMessage()
					+ " (GRANT SELECT ON performance_schema.* to the user)";
		}
	}

	@Override
	public Object resetMarker(Connection connection) {
		// TRUNCATE of the table shows as totals going back, entry by entry.
		return null;
	}

	@Override
	public List<ServerStatement> read(Connection connection, int timeoutSeconds) throws SQLException {
		String sql = "select DIGEST, DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_SENT + SUM_ROWS_AFFECTED, "
				+ "SUM_ROWS_EXAMINED, SUM_NO_INDEX_USED + SUM_NO_GOOD_INDEX_USED from " + TABLE
				+ " where SCHEMA_NAME = database() and DIGEST is not null";
		List<ServerStatement> statements = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setQueryTimeout(timeoutSeconds);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					statements.add(new ServerStatement(result.getString(1), result.getString(2), result.getLong(3),
							result.getLong(4) / 1000, -1, result.getLong(5), result.getLong(6), -1, -1, -1,
							result.getLong(7)));
				}
			}
		}
		return statements;
	}

}

package io.github.dbperf.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's {@code pg_stat_statements}, this database's top-level statements only.
 * Planning time is kept from PostgreSQL 13 ({@code pg_stat_statements.track_planning}).
 */
final class PostgresStatements implements ServerStatementSource {

	private final int majorVersion;

	PostgresStatements(int majorVersion) {
		this.majorVersion = majorVersion;
	}

	@Override
	public String name() {
		return "pg_stat_statements";
	}

	@Override
	public StatementJoin.Rules joinRules() {
		return StatementJoin.Rules.POSTGRESQL;
	}

	@Override
	public String unavailable(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select count(*) from pg_extension where extname = 'pg_stat_statements'");
				ResultSet result = statement.executeQuery()) {
			result.next();
			if (result.getLong(1) == 0) {
				return "the extension pg_stat_statements is not installed in this database: add it to "
						+ "shared_preload_libraries and run CREATE EXTENSION pg_stat_statements";
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("select 1 from pg_stat_statements limit 1");
				ResultSet result = statement.executeQuery()) {
			result.next();
			return null;
		}
		catch (SQLException ex) {
			return "pg_stat_statements cannot be read: " + ex.getMessage()
					+ " (it must be in shared_preload_libraries; to see other roles' statements grant pg_read_all_stats)";
		}
	}

	@Override
	public Object resetMarker(Connection connection) throws SQLException {
		if (this.majorVersion < 14) {
			return null;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("select stats_reset from pg_stat_statements_info");
				ResultSet result = statement.executeQuery()) {
			return result.next() ? result.getObject(1) : null;
		}
	}

	@Override
	public List<ServerStatement> read(Connection connection, int timeoutSeconds) throws SQLException {
		String time = (this.majorVersion >= 13) ? "total_exec_time" : "total_time";
		String plan = (this.majorVersion >= 13) ? "total_plan_time" : "-1";
		String toplevel = (this.majorVersion >= 14) ? " and toplevel" : "";
		String sql = "select userid, queryid, query, calls, " + time + ", " + plan + ", rows, shared_blks_hit, "
				+ "shared_blks_read, temp_blks_read + temp_blks_written from pg_stat_statements "
				+ "where dbid = (select oid from pg_database where datname = current_database())" + toplevel;
		List<ServerStatement> statements = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setQueryTimeout(timeoutSeconds);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					double planMillis = result.getDouble(6);
					statements.add(new ServerStatement(result.getLong(1) + ":" + result.getLong(2), result.getString(3),
							result.getLong(4), (long) (result.getDouble(5) * 1_000_000),
							(planMillis < 0) ? -1 : (long) (planMillis * 1_000_000), result.getLong(7), -1,
							result.getLong(8), result.getLong(9), result.getLong(10), -1));
				}
			}
		}
		return statements;
	}

}

package io.github.dbperf.capture;

import java.util.List;

/**
 * The JDBC {@code ?} placeholders of a statement, found by the same tokenizer that
 * fingerprints it (so quotes, dollar quotes and comments are skipped alike).
 */
public final class SqlPlaceholders {

	private SqlPlaceholders() {
	}

	/**
	 * How many placeholders the statement has.
	 * @param sql the SQL
	 * @param quoting the database's quoting rules
	 * @return the count
	 */
	public static int count(String sql, SqlQuoting quoting) {
		return SqlTokenizer.placeholders(sql, quoting).size();
	}

	/**
	 * The statement with its placeholders numbered {@code $1}, {@code $2}, ...
	 * (PostgreSQL's form).
	 * @param sql the SQL
	 * @param quoting the database's quoting rules
	 * @return the numbered SQL
	 */
	public static String numbered(String sql, SqlQuoting quoting) {
		List<Integer> positions = SqlTokenizer.placeholders(sql, quoting);
		StringBuilder numbered = new StringBuilder(sql.length() + 2 * positions.size());
		int from = 0;
		for (int i = 0; i < positions.size(); i++) {
			int at = positions.get(i);
			numbered.append(sql, from, at).append('$').append(i + 1);
			from = at + 1;
		}
		return numbered.append(sql, from, sql.length()).toString();
	}

}

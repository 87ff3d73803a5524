package io.github.dbperf.explain;

/**
 * JDBC {@code ?} placeholders outside quotes and comments.
 */
final class Placeholders {

	private Placeholders() {
	}

	static int count(String sql) {
		int[] count = new int[1];
		scan(sql, null, count);
		return count[0];
	}

	/**
	 * The SQL with {@code ?} placeholders numbered {@code $1}, {@code $2}, ... (PostgreSQL).
	 */
	static String numbered(String sql) {
		StringBuilder numbered = new StringBuilder(sql.length() + 8);
		scan(sql, numbered, new int[1]);
		return numbered.toString();
	}

	private static void scan(String sql, StringBuilder out, int[] count) {
		char quote = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"' || c == '`') {
				quote = c;
			}
			else if (c == '?') {
				count[0]++;
				if (out != null) {
					out.append('$').append(count[0]);
					continue;
				}
			}
			if (out != null) {
				out.append(c);
			}
		}
	}

}

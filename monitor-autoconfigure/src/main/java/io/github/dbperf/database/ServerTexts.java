package io.github.dbperf.database;

import java.util.Locale;

import io.github.dbperf.capture.SqlFingerprinter;

/**
 * One key for a statement however it is written: the server's normalised text
 * ({@code $1}, backquotes, upper case, spaces around dots) and dbperf's fingerprint text
 * both go through dbperf's fingerprinter, then lose case, quotes and whitespace.
 */
final class ServerTexts {

	private ServerTexts() {
	}

	/**
	 * The key of a server's statement text.
	 * @param serverText the server's normalised text
	 * @return the key
	 */
	static String keyOfServerText(String serverText) {
		return keyOfFingerprint(SqlFingerprinter.compute(serverText).sql());
	}

	/**
	 * The key of a fingerprint's text.
	 * @param fingerprintSql dbperf's fingerprint text
	 * @return the key
	 */
	static String keyOfFingerprint(String fingerprintSql) {
		StringBuilder key = new StringBuilder(fingerprintSql.length());
		for (int i = 0; i < fingerprintSql.length(); i++) {
			char c = fingerprintSql.charAt(i);
			if (!Character.isWhitespace(c) && c != '"' && c != '`') {
				key.append(c);
			}
		}
		return key.toString().toLowerCase(Locale.ROOT);
	}

	/**
	 * A server text fit to show: literals the server left (utility statements) become
	 * {@code ?}.
	 * @param serverText the server's text
	 * @return the text without values
	 */
	static String withoutValues(String serverText) {
		return SqlFingerprinter.compute(serverText).sql();
	}

	/**
	 * Whether a server statement is the driver's or the pool's protocol rather than the
	 * application's: transaction control and session settings, which no DataSource
	 * wrapper sees as statements.
	 * @param serverText the server's text
	 * @return {@code true} for {@code BEGIN}, {@code COMMIT}, {@code SET ...} and the
	 * like
	 */
	static boolean isProtocol(String serverText) {
		String text = serverText.stripLeading().toLowerCase(Locale.ROOT);
		for (String keyword : PROTOCOL) {
			if (text.startsWith(keyword) && (text.length() == keyword.length()
					|| !Character.isLetterOrDigit(text.charAt(keyword.length())))) {
				return true;
			}
		}
		return false;
	}

	private static final String[] PROTOCOL = { "begin", "start transaction", "commit", "rollback", "savepoint",
			"release", "set", "show", "reset", "discard", "deallocate" };

	/**
	 * Whether a server statement is dbperf's own read of the statistics or a plan.
	 * @param serverText the server's text
	 * @return {@code true} for dbperf's own
	 */
	static boolean isDbPerfs(String serverText) {
		String text = serverText.toLowerCase(Locale.ROOT).replace("`", "");
		return text.contains("pg_stat_statements") || text.contains("from pg_extension where extname")
				|| text.contains("events_statements_summary_by_digest") || text.contains("@@performance_schema")
				|| text.startsWith("explain");
	}

}

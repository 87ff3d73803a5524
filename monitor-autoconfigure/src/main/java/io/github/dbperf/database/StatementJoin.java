package io.github.dbperf.database;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.dbperf.capture.SqlFingerprint;

/**
 * Joins a server's statement texts to dbperf's fingerprints by a key both reach: each
 * text goes through dbperf's fingerprinter and loses case, quotes and whitespace; then
 * the server's own rules are applied to both sides (see {@link Rules}). Built once per
 * read.
 */
final class StatementJoin {

	/**
	 * Server texts shorter than this are never taken as cut: MariaDB and MySQL cut
	 * digests at 1,024 bytes by default ({@code performance_schema_max_digest_length}), a
	 * text of several hundred characters; a shorter setting still leaves texts of this
	 * length.
	 */
	static final int MIN_TRUNCATED_LENGTH = 200;

	private final Rules rules;

	private final Map<String, String> byKey = new HashMap<>();

	/** Keys of cut server texts that more than one fingerprint starts with. */
	private final Set<String> ambiguous = new HashSet<>();

	StatementJoin(Rules rules, Iterable<SqlFingerprint> fingerprints) {
		this.rules = rules;
		for (SqlFingerprint fingerprint : fingerprints) {
			this.byKey.putIfAbsent(rules.fold(ServerTexts.keyOfFingerprint(fingerprint.sql())), fingerprint.id());
		}
	}

	/**
	 * The fingerprint a server statement is, if any.
	 * @param serverText the server's text
	 * @param serverKey {@link ServerTexts#keyOfServerText} of that text
	 * @return the fingerprint id, or {@code null}
	 */
	String idOf(String serverText, String serverKey) {
		String key = this.rules.fold(serverKey);
		String id = this.byKey.get(key);
		if (id != null) {
			return id;
		}
		if (this.rules.generatedKeysSuffix) {
			int returning = key.lastIndexOf("returning");
			if (returning > 0) {
				id = this.byKey.get(key.substring(0, returning));
				if (id != null) {
					return id;
				}
			}
		}
		if (this.rules.truncates && serverText.length() >= MIN_TRUNCATED_LENGTH) {
			// The server cut a long text (at a token, with no mark): the one fingerprint
			// it starts.
			return byPrefix(key.endsWith("...") ? key.substring(0, key.length() - 3) : key, serverKey);
		}
		return null;
	}

	private String byPrefix(String prefix, String serverKey) {
		String found = null;
		for (Map.Entry<String, String> entry : this.byKey.entrySet()) {
			if (entry.getKey().startsWith(prefix)) {
				if (found != null && !found.equals(entry.getValue())) {
					this.ambiguous.add(serverKey);
					return null;
				}
				found = entry.getValue();
			}
		}
		return found;
	}

	/**
	 * Whether a server text was left unmatched because it was cut and several
	 * fingerprints start with it: the application's own statement, not one run from
	 * elsewhere.
	 * @param serverKey the key {@link #idOf} was given
	 * @return {@code true} when ambiguous
	 */
	boolean isAmbiguous(String serverKey) {
		return this.ambiguous.contains(serverKey);
	}

	/**
	 * What a server does to a statement before it keeps it.
	 */
	enum Rules {

		/**
		 * PostgreSQL's {@code pg_stat_statements}: parameters numbered {@code $1..$n}
		 * (dbperf's fingerprinter reads them as {@code ?}); PgJDBC appends
		 * {@code RETURNING *} (or the key columns asked for) when the application asks
		 * for generated keys.
		 */
		POSTGRESQL(false, true, false),

		/**
		 * MariaDB's and MySQL's statement digests: every list of values becomes one
		 * ({@code (?, ?, ?)} is {@code (...)}, {@code LIMIT ?, ?} is
		 * {@code LIMIT ?, ...}, a multi-row {@code VALUES} keeps its first row), keywords
		 * upper case, names in backticks, the text cut at
		 * {@code performance_schema_max_digest_length} bytes.
		 */
		DIGEST(true, false, true);

		private final boolean foldsValueLists;

		private final boolean generatedKeysSuffix;

		private final boolean truncates;

		Rules(boolean foldsValueLists, boolean generatedKeysSuffix, boolean truncates) {
			this.foldsValueLists = foldsValueLists;
			this.generatedKeysSuffix = generatedKeysSuffix;
			this.truncates = truncates;
		}

		/**
		 * Fold a key by these rules: for digests a parenthesised list of values, of one
		 * or more, is {@code (...)}, any other run of two or more values {@code ?,...},
		 * and repeated rows one row.
		 * @param key a key without whitespace or quotes
		 * @return the folded key
		 */
		String fold(String key) {
			if (!this.foldsValueLists) {
				return key;
			}
			StringBuilder folded = new StringBuilder(key.length());
			int i = 0;
			while (i < key.length()) {
				int end = endOfValues(key, i);
				if (end == i) {
					folded.append(key.charAt(i));
					i++;
					continue;
				}
				boolean parenthesised = folded.length() > 0 && folded.charAt(folded.length() - 1) == '('
						&& end < key.length() && key.charAt(end) == ')';
				String run = key.substring(i, end);
				boolean several = run.indexOf(',') >= 0 || run.equals("...");
				folded.append(parenthesised ? "..." : several ? "?,..." : "?");
				i = end;
			}
			String text = folded.toString();
			String rows;
			while (!(rows = text.replace("(...),(...)", "(...)")).equals(text)) {
				text = rows;
			}
			return text;
		}

		/**
		 * The end of a comma-separated run of {@code ?} and {@code ...} starting here.
		 */
		private static int endOfValues(String key, int from) {
			int i = from;
			while (true) {
				int value = key.startsWith("?", i) ? 1 : key.startsWith("...", i) ? 3 : 0;
				if (value == 0) {
					return (i > from) ? i - 1 : from;
				}
				i += value;
				if (!key.startsWith(",", i)) {
					return i;
				}
				i++;
			}
		}

	}

}

package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fingerprint's text split for display: keywords, the tables a statement reads or
 * writes, placeholders and the rest, read by the same tokenizer that made the
 * fingerprint. Literals are already placeholders there, so nothing here can show a value.
 */
public final class SqlParts {

	/** What a part of the text is. */
	public enum Kind {

		/** An SQL keyword ({@code select}, {@code from}, {@code join}, ...). */
		KEYWORD,

		/** The name after {@code from}, {@code join}, {@code into}, {@code update}. */
		TABLE,

		/** A parameter or a masked literal. */
		PLACEHOLDER,

		/** Anything else: columns, aliases, functions, punctuation. */
		OTHER

	}

	/**
	 * One part.
	 *
	 * @param kind what it is
	 * @param text its text
	 * @param spaceBefore whether a space separates it from the part before
	 */
	public record Part(Kind kind, String text, boolean spaceBefore) {

	}

	private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "and", "or", "not", "in", "is",
			"null", "join", "left", "right", "inner", "outer", "full", "cross", "on", "as", "order", "by", "group",
			"having", "limit", "offset", "fetch", "first", "next", "rows", "row", "only", "insert", "into", "values",
			"update", "set", "delete", "distinct", "union", "all", "exists", "between", "like", "escape", "case",
			"when", "then", "else", "end", "asc", "desc", "with", "returning", "for", "merge", "using", "matched",
			"lateral", "recursive", "nulls", "last", "call", "cast", "any", "some", "except", "intersect", "default",
			"table", "lock", "share", "nowait", "skip", "locked", "ilike", "top", "percent", "ties", "over",
			"partition", "window", "conflict", "do", "nothing", "duplicate", "key", "ignore", "replace", "truncate",
			"create", "drop", "alter", "index", "explain", "analyze");

	private static final Set<String> BEFORE_TABLE = Set.of("from", "join", "into", "update", "table");

	private SqlParts() {
	}

	/**
	 * Split a fingerprint's text.
	 * @param sql the text
	 * @return its parts, in order; put together with a space where {@code spaceBefore}
	 * says, they read as the text
	 */
	public static List<Part> of(String sql) {
		List<SqlTokenizer.Token> tokens = SqlTokenizer.tokenize(sql, SqlQuoting.STANDARD).tokens();
		List<Part> parts = new ArrayList<>(tokens.size());
		boolean tableNext = false;
		for (SqlTokenizer.Token token : tokens) {
			Kind kind = switch (token.kind()) {
				case PARAM -> Kind.PLACEHOLDER;
				case PUNCT -> Kind.OTHER;
				case QUOTED -> tableNext ? Kind.TABLE : Kind.OTHER;
				case WORD -> kindOf(token.text(), tableNext);
			};
			parts.add(new Part(kind, token.text(), token.spaceBefore()));
			tableNext = token.kind() == SqlTokenizer.Kind.WORD
					&& BEFORE_TABLE.contains(token.text().toLowerCase(Locale.ROOT));
		}
		return parts;
	}

	private static Kind kindOf(String word, boolean tableNext) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (tableNext && !KEYWORDS.contains(lower)) {
			return Kind.TABLE;
		}
		return KEYWORDS.contains(lower) ? Kind.KEYWORD : Kind.OTHER;
	}

}

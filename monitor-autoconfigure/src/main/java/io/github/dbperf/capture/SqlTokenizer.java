package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL into tokens, masking every literal (strings, numbers, hex, booleans,
 * dollar-quoted text) as a parameter and dropping comments, by the quoting rules of the
 * database that runs it. Never throws. A string that does not end under those rules is
 * read again under the other rules (a backslash before a quote is a character in standard
 * SQL), and a block comment that does not end when nested is read again unnested (MySQL's
 * comments do not nest); only what still does not end runs to the end of the text,
 * masked, and the statement is marked incomplete.
 */
final class SqlTokenizer {

	enum Kind {

		WORD, PARAM, PUNCT, QUOTED

	}

	record Token(Kind kind, String text, boolean spaceBefore) {

		boolean isPunct(char c) {
			return this.kind == Kind.PUNCT && this.text.length() == 1 && this.text.charAt(0) == c;
		}

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

	}

	/**
	 * The tokens of a statement.
	 *
	 * @param tokens the tokens, literals masked
	 * @param complete {@code false} when a string, quoted name or comment did not end
	 * under either rules and the rest of the text was masked
	 */
	record Tokens(List<Token> tokens, boolean complete) {

	}

	private final String sql;

	private final int length;

	private final SqlQuoting quoting;

	private boolean complete = true;

	private int pos;

	private boolean pendingSpace;

	private final List<Token> tokens = new ArrayList<>();

	private final List<Integer> placeholders = new ArrayList<>();

	private SqlTokenizer(String sql, SqlQuoting quoting) {
		this.sql = sql;
		this.length = sql.length();
		this.quoting = quoting;
	}

	static Tokens tokenize(String sql, SqlQuoting quoting) {
		SqlTokenizer tokenizer = new SqlTokenizer(sql, quoting);
		tokenizer.run();
		return new Tokens(tokenizer.tokens, tokenizer.complete);
	}

	/**
	 * Where the JDBC {@code ?} placeholders are: outside quotes, dollar quotes and
	 * comments.
	 * @param sql the SQL
	 * @param quoting the database's quoting rules
	 * @return their offsets, in order
	 */
	static List<Integer> placeholders(String sql, SqlQuoting quoting) {
		SqlTokenizer tokenizer = new SqlTokenizer(sql, quoting);
		tokenizer.run();
		return tokenizer.placeholders;
	}

	private void run() {
		while (this.pos < this.length) {
			char c = this.sql.charAt(this.pos);
			if (Character.isWhitespace(c)) {
				this.pendingSpace = true;
				this.pos++;
			}
			else if (c == '-' && peek(1) == '-') {
				skipLineComment();
			}
			else if (c == '/' && peek(1) == '*') {
				skipBlockComment();
			}
			else if (c == '\'' || (c == '"' && this.quoting.backslashEscapes())) {
				// MySQL reads "..." as a string too (unless ANSI_QUOTES, which Hibernate
				// does not need)
				skipString(c, this.quoting.backslashEscapes());
				add(Kind.PARAM, "?");
			}
			else if (c == '"' || c == '`') {
				int start = this.pos;
				if (!skipQuoted(c, false)) {
					// An identifier that never ends: mask the rest rather than keep it as
					// a name.
					this.complete = false;
					add(Kind.PARAM, "?");
				}
				else {
					add(Kind.QUOTED, this.sql.substring(start, this.pos));
				}
			}
			else if (c == '$' && isDollarQuoteStart()) {
				skipDollarQuoted();
				add(Kind.PARAM, "?");
			}
			else if (c == '$' && Character.isDigit(peek(1))) {
				this.pos++;
				skipDigits();
				add(Kind.PARAM, "?");
			}
			else if (c == '?') {
				this.placeholders.add(this.pos);
				this.pos++;
				add(Kind.PARAM, "?");
			}
			else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
				skipNumber();
				add(Kind.PARAM, "?");
			}
			else if (isWordStart(c)) {
				readWord();
			}
			else {
				this.pos++;
				add(Kind.PUNCT, String.valueOf(c));
			}
		}
	}

	private void readWord() {
		int start = this.pos;
		while (this.pos < this.length && isWordPart(this.sql.charAt(this.pos))) {
			this.pos++;
		}
		String word = this.sql.substring(start, this.pos);
		if (this.pos < this.length && this.sql.charAt(this.pos) == '\'' && isLiteralPrefix(word)) {
			// E'..', N'..', X'..', B'..' and MySQL's _utf8mb4'..' are literals;
			// PostgreSQL's
			// E'..' takes backslash escapes whatever the rest of the statement does
			boolean escapeString = word.length() == 1 && (word.charAt(0) == 'E' || word.charAt(0) == 'e');
			skipString('\'', escapeString || this.quoting.backslashEscapes());
			add(Kind.PARAM, "?");
		}
		else if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
			add(Kind.PARAM, "?");
		}
		else {
			add(Kind.WORD, word);
		}
	}

	private static boolean isLiteralPrefix(String word) {
		if (word.length() == 1) {
			return "EeNnXxBbUu".indexOf(word.charAt(0)) >= 0;
		}
		return word.charAt(0) == '_';
	}

	private void add(Kind kind, String text) {
		this.tokens.add(new Token(kind, text, this.pendingSpace && !this.tokens.isEmpty()));
		this.pendingSpace = false;
	}

	private char peek(int offset) {
		int index = this.pos + offset;
		return (index < this.length) ? this.sql.charAt(index) : '\0';
	}

	private void skipLineComment() {
		while (this.pos < this.length && this.sql.charAt(this.pos) != '\n') {
			this.pos++;
		}
		this.pendingSpace = true;
	}

	private void skipBlockComment() {
		int start = this.pos;
		if (!skipNestedComment()) {
			// MySQL's comments do not nest: the first */ ends it.
			int end = this.sql.indexOf("*/", start + 2);
			if (end < 0) {
				this.complete = false;
				this.pos = this.length;
			}
			else {
				this.pos = end + 2;
			}
		}
		this.pendingSpace = true;
	}

	private boolean skipNestedComment() {
		int depth = 0;
		while (this.pos < this.length) {
			char c = this.sql.charAt(this.pos);
			if (c == '/' && peek(1) == '*') {
				depth++;
				this.pos += 2;
			}
			else if (c == '*' && peek(1) == '/') {
				depth--;
				this.pos += 2;
				if (depth == 0) {
					return true;
				}
			}
			else {
				this.pos++;
			}
		}
		return false;
	}

	/**
	 * Skip a string literal by the given rules; one that does not end under them is read
	 * again under the other rules, and one that ends under neither masks the rest.
	 */
	private void skipString(char quote, boolean backslashEscapes) {
		int start = this.pos;
		if (skipQuoted(quote, backslashEscapes)) {
			return;
		}
		this.pos = start;
		if (!skipQuoted(quote, !backslashEscapes)) {
			this.complete = false;
			this.pos = this.length;
		}
	}

	private boolean skipQuoted(char quote, boolean backslashEscapes) {
		this.pos++;
		while (this.pos < this.length) {
			char c = this.sql.charAt(this.pos);
			if (backslashEscapes && c == '\\') {
				this.pos += 2;
			}
			else if (c == quote) {
				if (peek(1) == quote) {
					this.pos += 2;
				}
				else {
					this.pos++;
					return true;
				}
			}
			else {
				this.pos++;
			}
		}
		this.pos = this.length;
		return false;
	}

	private boolean isDollarQuoteStart() {
		int index = this.pos + 1;
		while (index < this.length) {
			char c = this.sql.charAt(index);
			if (c == '$') {
				return true;
			}
			if (!(Character.isLetter(c) || c == '_' || (index > this.pos + 1 && Character.isDigit(c)))) {
				return false;
			}
			index++;
		}
		return false;
	}

	private void skipDollarQuoted() {
		int tagEnd = this.sql.indexOf('$', this.pos + 1) + 1;
		String tag = this.sql.substring(this.pos, tagEnd);
		int close = this.sql.indexOf(tag, tagEnd);
		if (close < 0) {
			this.complete = false;
		}
		this.pos = (close < 0) ? this.length : close + tag.length();
	}

	private void skipDigits() {
		while (this.pos < this.length && Character.isDigit(this.sql.charAt(this.pos))) {
			this.pos++;
		}
	}

	private void skipNumber() {
		if (this.sql.charAt(this.pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
			this.pos += 2;
			while (this.pos < this.length && Character.digit(this.sql.charAt(this.pos), 16) >= 0) {
				this.pos++;
			}
			return;
		}
		skipDigits();
		if (this.pos < this.length && this.sql.charAt(this.pos) == '.') {
			this.pos++;
			skipDigits();
		}
		char c = (this.pos < this.length) ? this.sql.charAt(this.pos) : '\0';
		if ((c == 'e' || c == 'E')
				&& (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
			this.pos += 2;
			skipDigits();
		}
	}

	private static boolean isWordStart(char c) {
		return Character.isLetter(c) || c == '_' || c == '@' || c == '#';
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
	}

}

package io.github.dbperf.capture;

import java.util.ArrayList;
import java.util.List;

import io.github.dbperf.capture.SqlTokenizer.Kind;
import io.github.dbperf.capture.SqlTokenizer.Token;

/**
 * Turns tokens into fingerprint text: {@code IN (?, ?, ?)} becomes {@code IN (...)},
 * repeated {@code VALUES} tuples are folded into the first, whitespace is single spaces.
 */
final class SqlNormalizer {

	static final String FOLDED_LIST = "(...)";

	private SqlNormalizer() {
	}

	record Normalized(String sql, boolean inList) {

	}

	static Normalized normalize(List<Token> tokens) {
		List<Token> out = new ArrayList<>(tokens.size());
		boolean inList = false;
		int i = 0;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			if (token.isWord("in") && i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(')) {
				int end = endOfParameterList(tokens, i + 1);
				if (end > 0) {
					out.add(token);
					out.add(new Token(Kind.WORD, FOLDED_LIST, tokens.get(i + 1).spaceBefore()));
					inList = true;
					i = end + 1;
					continue;
				}
			}
			if (token.isWord("values") && i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(')) {
				int end = endOfGroup(tokens, i + 1);
				if (end > 0) {
					List<Token> tuple = tokens.subList(i + 1, end + 1);
					out.add(token);
					out.addAll(tuple);
					i = skipRepeatedTuples(tokens, end + 1, tuple);
					continue;
				}
			}
			out.add(token);
			i++;
		}
		return new Normalized(render(out), inList);
	}

	/**
	 * Index of the closing parenthesis when {@code open} starts a list of parameters
	 * only, otherwise -1.
	 */
	private static int endOfParameterList(List<Token> tokens, int open) {
		boolean expectParam = true;
		for (int i = open + 1; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (expectParam && token.kind() == Kind.PARAM) {
				expectParam = false;
			}
			else if (!expectParam && token.isPunct(',')) {
				expectParam = true;
			}
			else if (!expectParam && token.isPunct(')')) {
				return i;
			}
			else {
				return -1;
			}
		}
		return -1;
	}

	private static int endOfGroup(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isPunct('(')) {
				depth++;
			}
			else if (token.isPunct(')')) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	private static int skipRepeatedTuples(List<Token> tokens, int from, List<Token> tuple) {
		int i = from;
		while (i < tokens.size() && tokens.get(i).isPunct(',') && sameTuple(tokens, i + 1, tuple)) {
			i += 1 + tuple.size();
		}
		return i;
	}

	private static boolean sameTuple(List<Token> tokens, int start, List<Token> tuple) {
		if (start + tuple.size() > tokens.size()) {
			return false;
		}
		for (int j = 0; j < tuple.size(); j++) {
			Token a = tokens.get(start + j);
			Token b = tuple.get(j);
			if (a.kind() != b.kind() || !a.text().equals(b.text())) {
				return false;
			}
		}
		return true;
	}

	private static String render(List<Token> tokens) {
		StringBuilder sql = new StringBuilder();
		for (Token token : tokens) {
			if (token.spaceBefore()) {
				sql.append(' ');
			}
			sql.append(token.text());
		}
		return sql.toString();
	}

}

package io.github.dbperf.capture;

import java.util.List;
import java.util.Locale;

import io.github.dbperf.capture.SqlTokenizer.Kind;
import io.github.dbperf.capture.SqlTokenizer.Token;

/**
 * Classifies a statement by what it does: the main statement after any {@code WITH}
 * clause, upserts as merges, JDBC call escapes as calls.
 */
final class OperationClassifier {

	private OperationClassifier() {
	}

	static Operation classify(List<Token> tokens) {
		int depth = 0;
		boolean inWith = false;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isPunct('(')) {
				depth++;
				continue;
			}
			if (token.isPunct(')')) {
				depth--;
				continue;
			}
			if (token.kind() != Kind.WORD || (inWith && depth > 0)) {
				continue;
			}
			String word = token.text().toUpperCase(Locale.ROOT);
			if (word.equals("WITH")) {
				inWith = true;
				continue;
			}
			Operation operation = keyword(word, tokens, i);
			if (operation != null) {
				return operation;
			}
			if (!inWith) {
				return Operation.OTHER;
			}
		}
		return Operation.OTHER;
	}

	private static Operation keyword(String word, List<Token> tokens, int index) {
		return switch (word) {
			case "SELECT", "VALUES", "TABLE" -> Operation.SELECT;
			case "INSERT", "REPLACE" -> isUpsert(tokens, index) ? Operation.MERGE : Operation.INSERT;
			case "UPDATE" -> Operation.UPDATE;
			case "DELETE" -> Operation.DELETE;
			case "MERGE", "UPSERT" -> Operation.MERGE;
			case "CALL", "EXEC", "EXECUTE" -> Operation.CALL;
			case "CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME", "COMMENT", "GRANT", "REVOKE" -> Operation.DDL;
			default -> null;
		};
	}

	/**
	 * {@code INSERT ... ON CONFLICT ... DO UPDATE} and {@code ON DUPLICATE KEY UPDATE}
	 * update existing rows: they are merges. {@code ON CONFLICT DO NOTHING} stays an
	 * insert.
	 */
	private static boolean isUpsert(List<Token> tokens, int from) {
		for (int i = from + 1; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).isWord("on")) {
				Token next = tokens.get(i + 1);
				if (next.isWord("duplicate")) {
					return true;
				}
				if (next.isWord("conflict")) {
					for (int j = i + 2; j + 1 < tokens.size(); j++) {
						if (tokens.get(j).isWord("do")) {
							return tokens.get(j + 1).isWord("update");
						}
					}
				}
			}
		}
		return false;
	}

}

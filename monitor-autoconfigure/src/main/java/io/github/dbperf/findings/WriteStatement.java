package io.github.dbperf.findings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.dbperf.capture.Operation;
import io.github.dbperf.capture.SqlParts;
import io.github.dbperf.capture.SqlParts.Kind;
import io.github.dbperf.capture.SqlParts.Part;
import org.jspecify.annotations.Nullable;

/**
 * What an insert, update or delete fingerprint writes: its table, and the columns an
 * update sets or a delete's condition compares ({@code col = ?}). Read from the
 * fingerprint's parts, so names only, never a value.
 *
 * @param operation insert, update or delete
 * @param table the table in lower case, without schema or quotes
 * @param columns the columns an update sets, or the columns a delete compares; empty for
 * an insert
 */
record WriteStatement(Operation operation, String table, Set<String> columns) {

	/**
	 * Read a write statement.
	 * @param operation the fingerprint's operation
	 * @param sql the fingerprint's text
	 * @return the statement, or {@code null} when it is no single-table write
	 */
	static @Nullable WriteStatement of(Operation operation, String sql) {
		if (operation != Operation.INSERT && operation != Operation.UPDATE && operation != Operation.DELETE) {
			return null;
		}
		List<Part> parts = SqlParts.of(sql);
		String table = null;
		String clause = null;
		Set<String> columns = new LinkedHashSet<>();
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			if (part.kind() == Kind.TABLE && table == null) {
				table = WriteMappings.plain(part.text());
			}
			else if (part.kind() == Kind.KEYWORD) {
				String keyword = part.text().toLowerCase(Locale.ROOT);
				if (keyword.equals("set") || keyword.equals("where")) {
					clause = keyword;
				}
				else if (keyword.equals("returning")) {
					clause = null;
				}
			}
			else if (part.kind() == Kind.OTHER && isColumnBeforeEquals(parts, i) && wanted(operation, clause)) {
				columns.add(WriteMappings.plain(part.text()));
			}
		}
		return (table != null) ? new WriteStatement(operation, table, Set.copyOf(columns)) : null;
	}

	private static boolean wanted(Operation operation, @Nullable String clause) {
		return (operation == Operation.UPDATE && "set".equals(clause))
				|| (operation == Operation.DELETE && "where".equals(clause));
	}

	private static boolean isColumnBeforeEquals(List<Part> parts, int index) {
		String text = parts.get(index).text();
		if (text.isEmpty() || !(Character.isLetter(text.charAt(0)) || text.charAt(0) == '_' || text.charAt(0) == '"'
				|| text.charAt(0) == '`')) {
			return false;
		}
		return index + 1 < parts.size() && parts.get(index + 1).text().startsWith("=");
	}

}

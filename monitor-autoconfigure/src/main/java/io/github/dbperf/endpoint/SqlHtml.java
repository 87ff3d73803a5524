package io.github.dbperf.endpoint;

import io.github.dbperf.capture.SqlParts;

/**
 * A fingerprint's text as HTML: keywords, tables and placeholders in spans the page's CSS
 * colours, everything escaped. Drawn on the server: no script, no font.
 */
final class SqlHtml {

	private SqlHtml() {
	}

	/**
	 * The text, highlighted.
	 * @param sql a fingerprint's text
	 * @param max how many characters to show at most; the cut falls between parts
	 * @return HTML
	 */
	static String highlight(String sql, int max) {
		StringBuilder html = new StringBuilder(sql.length() * 2);
		int shown = 0;
		for (SqlParts.Part part : SqlParts.of(sql)) {
			int length = part.text().length() + (part.spaceBefore() ? 1 : 0);
			if (shown > 0 && shown + length > max) {
				break;
			}
			shown += length;
			if (part.spaceBefore()) {
				html.append(' ');
			}
			String css = switch (part.kind()) {
				case KEYWORD -> "sql-kw";
				case TABLE -> "sql-table";
				case PLACEHOLDER -> "sql-ph";
				case OTHER -> null;
			};
			if (css == null) {
				html.append(Html.escape(part.text()));
			}
			else {
				html.append("<span class=\"")
					.append(css)
					.append("\">")
					.append(Html.escape(part.text()))
					.append("</span>");
			}
		}
		return html.toString();
	}

}

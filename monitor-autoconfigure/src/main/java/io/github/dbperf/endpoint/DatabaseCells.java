package io.github.dbperf.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.statistics.DatabaseFigures;
import io.github.dbperf.database.DatabaseView;

/**
 * The database's own figures on the dashboard: a summary cell per statement, rows on the
 * statement's page, and a section with what is read of each DataSource and the statements
 * from elsewhere.
 */
final class DatabaseCells {

	private DatabaseCells() {
	}

	/**
	 * One line: server time and what the database knows that dbperf does not.
	 * @param figures the statement's figures
	 * @return plain text
	 */
	static String summary(DatabaseFigures figures) {
		List<String> parts = new ArrayList<>();
		parts.add("server " + Charts.format(figures.totalMillis()) + " ms");
		if (figures.rowsExamined() != null) {
			parts.add(figures.rowsExamined() + " rows examined");
		}
		if (figures.noIndexUsed() != null && figures.noIndexUsed() > 0) {
			parts.add("no index ×" + figures.noIndexUsed());
		}
		if (figures.sharedBlocksRead() != null) {
			parts.add(figures.sharedBlocksRead() + " of " + (figures.sharedBlocksRead() + figures.sharedBlocksHit())
					+ " blocks from disk");
		}
		return String.join(" · ", parts);
	}

	/**
	 * Rows of the statement's page.
	 * @param figures the statement's figures
	 * @return name and value, in order
	 */
	static Map<String, Object> rows(DatabaseFigures figures) {
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put("server-side figures from", figures.source());
		rows.put("server calls", figures.calls());
		rows.put("server total ms", figures.totalMillis());
		rows.put("server mean ms", figures.meanMillis());
		putKnown(rows, "planning ms", figures.planningMillis());
		rows.put("rows returned (server)", figures.rows());
		putKnown(rows, "rows examined", figures.rowsExamined());
		putKnown(rows, "shared blocks hit", figures.sharedBlocksHit());
		putKnown(rows, "shared blocks read", figures.sharedBlocksRead());
		putKnown(rows, "temp blocks", figures.tempBlocks());
		putKnown(rows, "executions without an index", figures.noIndexUsed());
		rows.put("client minus server ms (network, driver, pool)", figures.clientMinusServerMillis());
		return rows;
	}

	private static void putKnown(Map<String, Object> rows, String name, Object value) {
		if (value != null) {
			rows.put(name, value);
		}
	}

	static void section(StringBuilder html, List<DatabaseView> views) {
		if (views.isEmpty()) {
			return;
		}
		html.append("<h2>The database's own statistics</h2>");
		DashboardPage.table(html, "database", views, List.of(DashboardPage.text("DataSource", DatabaseView::datasource),
				DashboardPage.text("source", DatabaseView::source), DashboardPage.text("status", DatabaseView::status),
				DashboardPage.number("reads", DatabaseView::reads),
				DashboardPage.number("statements matched",
						(v) -> v.matchedStatements() + " of " + v.serverStatements()),
				DashboardPage.number("executions matched %", (v) -> Charts.format(v.matchRate() * 100))));
		List<DatabaseView.ElsewhereStatement> elsewhere = views.stream()
			.flatMap((view) -> view.elsewhere().stream())
			.toList();
		html.append("<h2>From elsewhere</h2><p class=\"empty\">The costliest statements the database ran that no "
				+ "monitored DataSource issued: another service, a job, an unmonitored DataSource.</p>");
		DashboardPage.table(html, "elsewhere", elsewhere,
				List.of(DashboardPage.text("SQL (server's text, without values)", DatabaseView.ElsewhereStatement::sql),
						DashboardPage.number("calls", DatabaseView.ElsewhereStatement::calls),
						DashboardPage.number("server ms", DatabaseView.ElsewhereStatement::totalMillis),
						DashboardPage.number("rows", DatabaseView.ElsewhereStatement::rows)));
	}

}

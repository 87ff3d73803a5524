package io.github.dbperf.endpoint;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.github.dbperf.nplusone.NPlusOneFinding;
import io.github.dbperf.statistics.AssociationSnapshot;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.RepositorySnapshot;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;

/**
 * The HTML view of {@code /actuator/dbperf}: one self-contained page (inline CSS and
 * script, no CDN, no fonts to fetch) rendered on the server, every value escaped. Links
 * are relative, so it works under any Actuator base path and servlet context path.
 */
final class DashboardPage {

	private static final String STYLE = """
			body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
			header{background:#1d2330;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:baseline;flex-wrap:wrap}
			header h1{font-size:20px;margin:0}header span{opacity:.85}
			main{padding:8px 24px 40px}h2{font-size:16px;margin:28px 0 8px}
			table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px #0002}
			th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7ec;vertical-align:top}
			th{background:#eef0f4;font-weight:600;white-space:nowrap}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
			code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-word}
			td code{display:block;min-width:26em}td{overflow-wrap:anywhere}
			a{color:#1a56db}a.current{font-weight:700;text-decoration:none;color:#1d2330}
			.empty{color:#667085;padding:8px 0}tr.finding td{border-bottom:none}tr.fix td{padding-top:0}.suggestions{margin:2px 0 4px 18px;padding:0}.trigger{color:#475467;margin:2px 0}td.site{font-size:12px;word-break:break-word;max-width:280px}.badge{display:inline-block;padding:0 6px;border-radius:8px;background:#fde2e1;color:#9b1c1c;font-size:12px;white-space:nowrap}
			button{font:inherit;padding:4px 12px;border:1px solid #c9ced6;border-radius:4px;background:#fff;cursor:pointer}
			#reset-status{margin-left:8px}
			""";

	private static final String SCRIPT = """
			document.getElementById('reset').addEventListener('click', function () {
			  var status = document.getElementById('reset-status');
			  if (!confirm('Forget all dbperf statistics, slow queries and findings?')) { return; }
			  fetch(window.location.pathname, { method: 'DELETE', credentials: 'same-origin' }).then(function (response) {
			    if (response.ok) { status.textContent = 'Reset.'; window.location.reload(); }
			    else if (response.status === 401 || response.status === 403 || response.status === 405) { status.textContent = 'You lack permission to reset (HTTP ' + response.status + '). The endpoint is read-only unless management.endpoint.dbperf.access=unrestricted.'; }
			    else { status.textContent = 'Reset failed (HTTP ' + response.status + ').'; }
			  }, function (error) { status.textContent = 'Reset failed: ' + error; });
			});
			""";

	private DashboardPage() {
	}

	static String render(DbPerfReport report, StatementOrder order, int limit) {
		StringBuilder html = start("dbperf");
		html.append("<header><h1>dbperf</h1>");
		report.datasources()
			.forEach((ds) -> html.append("<span>DataSource <b>")
				.append(Html.escape(ds.name()))
				.append("</b> (")
				.append(Html.escape(ds.type()))
				.append(")</span>"));
		DbPerfReport.StatisticsDescriptor statistics = report.statistics();
		html.append("<span id=\"tracked\">")
			.append(statistics.tracked())
			.append(" of ")
			.append(statistics.capacity())
			.append(" statements tracked, ")
			.append(statistics.evicted())
			.append(" evicted</span><span>since ")
			.append(Html.escape(statistics.since()))
			.append("</span><span>slow at ")
			.append(Html.escape(statistics.slowQueryThreshold()))
			.append("</span><span><button id=\"reset\" type=\"button\">Reset</button><span id=\"reset-status\" role=\"status\"></span></span></header><main>");
		topStatements(html, report.topStatements(), order, limit);
		slowQueries(html, report.slowQueries(), "dbperf/");
		nPlusOne(html, report.nPlusOne());
		associations(html, report.associations());
		repositories(html, report.repositories());
		return finish(html);
	}

	static String renderStatement(StatementDetail detail) {
		StatementSnapshot statement = detail.statement();
		StringBuilder html = start("dbperf: statement " + statement.id());
		html.append("<header><h1><a href=\"../dbperf\" style=\"color:#fff\">dbperf</a></h1><span>statement ")
			.append(Html.escape(statement.id()))
			.append("</span></header><main><h2>SQL</h2><p><code id=\"sql\">")
			.append(Html.escape(statement.sql()))
			.append("</code></p><table id=\"statement\"><tbody>");
		row(html, "operation", statement.operation());
		row(html, "datasources", String.join(", ", statement.datasources()));
		row(html, "calls", statement.calls());
		row(html, "errors", statement.errors());
		row(html, "rows", statement.rows());
		row(html, "total ms", statement.totalMillis());
		row(html, "mean ms", statement.meanMillis());
		row(html, "min ms", statement.minMillis());
		row(html, "max ms", statement.maxMillis());
		row(html, "p95 ms", statement.p95Millis());
		row(html, "p99 ms", statement.p99Millis());
		row(html, "first seen", statement.firstSeen());
		row(html, "last seen", statement.lastSeen());
		row(html, "repositories", String.join(", ", statement.repositories()));
		html.append("</tbody></table>");
		if (detail.plan() != null) {
			html.append("<h2>Execution plan</h2><p id=\"plan-summary\">")
				.append(Html.escape(detail.plan().summary()))
				.append("</p><pre id=\"plan\"><code>")
				.append(Html.escape(String.join("\n", detail.plan().outline())))
				.append("</code></pre><p>")
				.append(Html.escape(detail.plan().database()))
				.append(", captured ")
				.append(Html.escape(detail.plan().capturedAt()))
				.append("</p>");
		}
		slowQueries(html, detail.slowQueries(), "");
		nPlusOne(html, detail.nPlusOne());
		html.append("<p><a href=\"../dbperf\">Back to the dashboard</a></p>");
		return finish(html);
	}

	private static StringBuilder start(String title) {
		return new StringBuilder(16 * 1024).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
			.append(Html.escape(title))
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body>");
	}

	private static String finish(StringBuilder html) {
		if (html.indexOf("id=\"reset\"") >= 0) {
			html.append("<script>").append(SCRIPT).append("</script>");
		}
		return html.append("</main></body></html>").toString();
	}

	private static void topStatements(StringBuilder html, List<StatementSnapshot> statements, StatementOrder order,
			int limit) {
		html.append("<h2>Top statements</h2><p id=\"sort\">Sort by: ");
		for (StatementOrder candidate : StatementOrder.values()) {
			String name = candidate.name().toLowerCase(Locale.ROOT);
			html.append("<a href=\"dbperf?sort=")
				.append(name)
				.append("&amp;limit=")
				.append(limit)
				.append("\"")
				.append((candidate == order) ? " class=\"current\"" : "")
				.append(" data-sort=\"")
				.append(name)
				.append("\">")
				.append(name)
				.append("</a> ");
		}
		html.append("</p>");
		table(html, "top-statements", statements,
				List.of(column("SQL", (s) -> "<a href=\"dbperf/" + Html.escape(s.id()) + "\"><code>" + Html.escape(s.sql())
						+ "</code></a>"), text("operation", StatementSnapshot::operation),
						number("calls", StatementSnapshot::calls), number("errors", StatementSnapshot::errors),
						number("total ms", StatementSnapshot::totalMillis), number("mean ms", StatementSnapshot::meanMillis),
						number("max ms", StatementSnapshot::maxMillis), number("p99 ms", StatementSnapshot::p99Millis),
						text("repositories", (s) -> String.join(", ", s.repositories()))));
	}

	/**
	 * Slow queries, each linked to its statement.
	 * @param linkPrefix relative path from the page to {@code /actuator/dbperf/}
	 */
	private static void slowQueries(StringBuilder html, List<SlowQuery> slowQueries, String linkPrefix) {
		html.append("<h2>Slow queries</h2>");
		table(html, "slow-queries", slowQueries,
				List.of(text("when", SlowQuery::timestamp), number("elapsed ms", SlowQuery::elapsedMillis),
						column("SQL", (q) -> "<a href=\"" + linkPrefix + Html.escape(q.id()) + "\"><code>"
								+ Html.escape(q.sql()) + "</code></a>"),
						text("repository method", (q) -> q.repository() + "." + q.method()),
						text("entry point", SlowQuery::entrypoint), text("call site", SlowQuery::callSite),
						text("plan", SlowQuery::plan)));
	}

	private static void nPlusOne(StringBuilder html, List<NPlusOneFinding> findings) {
		html.append("<h2>Findings</h2>");
		if (findings.isEmpty()) {
			html.append("<p class=\"empty\" id=\"n-plus-one-empty\">None.</p>");
			return;
		}
		// Two rows a finding: what and where, then the statement before it and what to change.
		html.append("<table id=\"n-plus-one\"><thead><tr><th>kind</th><th>entry point</th><th>SQL</th>"
				+ "<th>association</th><th>repository method</th><th>call site</th><th>occurrences</th>"
				+ "<th>max repetitions</th></tr></thead><tbody>");
		for (NPlusOneFinding finding : findings) {
			html.append("<tr class=\"finding\"><td><span class=\"badge\">")
				.append(Html.escape(finding.kind()))
				.append("</span></td><td>")
				.append(Html.escape(finding.entrypoint()))
				.append("</td><td><code>")
				.append(Html.escape(finding.sql()))
				.append("</code></td><td>");
			if (finding.association() != null) {
				html.append("<code class=\"association\">")
					.append(Html.escape(finding.association()))
					.append("</code> ")
					.append(Html.escape((finding.mapping() != null) ? finding.mapping() : ""));
			}
			html.append("</td><td>")
				.append(Html.escape(finding.repository() + "." + finding.method()))
				.append("</td><td class=\"site\">")
				.append(Html.escape(finding.callSite()))
				.append("</td><td class=\"num\">")
				.append(finding.occurrences())
				.append("</td><td class=\"num\">")
				.append(finding.maxRepetitions())
				.append("</td></tr><tr class=\"fix\"><td></td><td colspan=\"7\">");
			if (finding.triggeredBySql() != null) {
				html.append("<div class=\"trigger\">triggered by <code>")
					.append(Html.escape(finding.triggeredBySql()))
					.append("</code></div>");
			}
			html.append(suggestions(finding.suggestions())).append("</td></tr>");
		}
		html.append("</tbody></table>");
	}

	private static String suggestions(List<String> suggestions) {
		if (suggestions == null || suggestions.isEmpty()) {
			return "";
		}
		StringBuilder list = new StringBuilder("<ol class=\"suggestions\">");
		suggestions.forEach((suggestion) -> list.append("<li>").append(Html.escape(suggestion)).append("</li>"));
		return list.append("</ol>").toString();
	}

	private static void associations(StringBuilder html, List<AssociationSnapshot> associations) {
		html.append("<h2>Associations</h2>");
		table(html, "associations", associations,
				List.of(column("role", (a) -> "<code>" + Html.escape(a.role()) + "</code>"),
						text("kind", AssociationSnapshot::kind), number("statements", AssociationSnapshot::statements),
						number("rows", AssociationSnapshot::rows), number("total ms", AssociationSnapshot::totalMillis),
						text("entry points", (a) -> String.join(", ", a.entrypoints()))));
	}

	private static void repositories(StringBuilder html, List<RepositorySnapshot> repositories) {
		html.append("<h2>Repository methods</h2>");
		table(html, "repositories", repositories,
				List.of(text("repository", RepositorySnapshot::repository), text("method", RepositorySnapshot::method),
						number("calls", RepositorySnapshot::calls), number("statements", RepositorySnapshot::statements),
						number("db ms", RepositorySnapshot::dbMillis),
						number("max statements per call", RepositorySnapshot::maxStatementsPerCall)));
	}

	private static <T> void table(StringBuilder html, String id, List<T> rows, List<Column<T>> columns) {
		if (rows.isEmpty()) {
			html.append("<p class=\"empty\" id=\"").append(id).append("-empty\">None.</p>");
			return;
		}
		html.append("<table id=\"").append(id).append("\"><thead><tr>");
		columns.forEach((column) -> html.append("<th>").append(Html.escape(column.title())).append("</th>"));
		html.append("</tr></thead><tbody>");
		for (T row : rows) {
			html.append("<tr>");
			for (Column<T> column : columns) {
				html.append(column.numeric() ? "<td class=\"num\">" : "<td>").append(column.cell().apply(row)).append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	private static void row(StringBuilder html, String name, Object value) {
		html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
	}

	private static <T> Column<T> column(String title, Function<T, String> html) {
		return new Column<>(title, html, false);
	}

	private static <T> Column<T> text(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), false);
	}

	private static <T> Column<T> number(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), true);
	}

	private record Column<T>(String title, Function<T, String> cell, boolean numeric) {

	}

}

package io.github.dbperf.endpoint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.github.dbperf.nplusone.NPlusOneFinding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.AssociationSnapshot;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.EntryPointStatement;
import io.github.dbperf.statistics.MinutePoint;
import io.github.dbperf.statistics.RepositorySnapshot;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.Window;

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
			.empty{color:#667085;padding:8px 0}tr.finding td{border-bottom:none}tr.fix td{padding-top:0}.suggestions{margin:2px 0 4px 18px;padding:0}.trigger,.seen{color:#475467;margin:2px 0}td.site{font-size:12px;word-break:break-word;max-width:280px}.badge{display:inline-block;padding:0 6px;border-radius:8px;background:#fde2e1;color:#9b1c1c;font-size:12px;white-space:nowrap;overflow-wrap:normal;word-break:keep-all}
			button{font:inherit;padding:4px 12px;border:1px solid #c9ced6;border-radius:4px;background:#fff;cursor:pointer}
			#reset-status{margin-left:8px}
			header a{color:#fff}a.entrypoint{white-space:nowrap}nav.controls{margin:12px 0 0}nav.controls a{margin-right:6px}
			details.sql summary{cursor:pointer;list-style:none}details.sql summary::-webkit-details-marker{display:none}
			details.sql .more{font-size:12px;color:#1a56db;text-decoration:underline;white-space:nowrap}details.sql[open] .more{display:none}details.sql[open] summary code{display:none}
			.spark polyline{fill:none;stroke:#1a56db;stroke-width:1.5}.spark.p95 polyline{stroke:#c2410c}
			#db-time-bar{display:block;border-radius:4px;background:#e4e7ec}
			.segment.seg0{fill:#1a56db}.segment.seg1{fill:#0e9f6e}.segment.seg2{fill:#c2410c}.segment.seg3{fill:#7e3af2}
			.segment.seg4{fill:#d61f69}.segment.seg5{fill:#0694a2}.segment.seg6{fill:#c27803}.segment.seg7{fill:#6b7280}.segment.rest{fill:#c9ced6}
			.legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
			.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle}
			.swatch.seg0{background:#1a56db}.swatch.seg1{background:#0e9f6e}.swatch.seg2{background:#c2410c}.swatch.seg3{background:#7e3af2}
			.swatch.seg4{background:#d61f69}.swatch.seg5{background:#0694a2}.swatch.seg6{background:#c27803}.swatch.seg7{background:#6b7280}.swatch.rest{background:#c9ced6}
			@media (prefers-color-scheme: dark){body{color:#e6e8ec;background:#0f1115}table{background:#181b22;box-shadow:none}
			th{background:#232733}th,td{border-bottom-color:#2c313c}a{color:#8ab4ff}a.current{color:#fff}.empty,.trigger,.seen{color:#9aa4b2}
			.badge{background:#5c1d1d;color:#fecaca}button{background:#232733;color:#e6e8ec;border-color:#3a4150}
			.spark polyline{stroke:#8ab4ff}.spark.p95 polyline{stroke:#fb923c}#db-time-bar{background:#2c313c}
			.segment.rest,.swatch.rest{fill:#4b5563;background:#4b5563}details.sql .more{color:#8ab4ff}}
			""";

	/** SQL longer than this folds behind "show all". */
	static final int FOLD = 120;

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

	static String render(DbPerfReport report, DashboardView view) {
		StringBuilder html = start("dbperf", view.refresh());
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
		controls(html, view);
		// What is wrong and what to change comes first; the figures that explain it follow.
		nPlusOne(html, report.nPlusOne(), "dbperf/");
		html.append("<h2>Database time by entry point</h2>");
		if (report.entrypoints().isEmpty()) {
			html.append("<p class=\"empty\" id=\"db-time-bar-empty\">No unit of work in this window.</p>");
		}
		else {
			html.append(Charts.stackedBar(report.entrypoints()));
		}
		entrypoints(html, report.entrypoints(), "dbperf/");
		topStatements(html, report.topStatements(), view);
		slowQueries(html, report.slowQueries(), "dbperf/");
		startup(html, report.startup());
		associations(html, report.associations());
		repositories(html, report.repositories());
		DatabaseCells.section(html, report.database());
		return finish(html);
	}

	/**
	 * The window, include and refresh links: plain links, so they work with JavaScript off.
	 */
	private static void controls(StringBuilder html, DashboardView view) {
		html.append("<nav class=\"controls\" id=\"window\">Window: ");
		for (Window window : Window.values()) {
			html.append("<a href=\"dbperf")
				.append(view.with(window).query())
				.append("\"")
				.append((window == view.window()) ? " class=\"current\"" : "")
				.append(" data-window=\"")
				.append(window.value())
				.append("\">")
				.append(window.value())
				.append("</a>");
		}
		html.append(" · ");
		if (view.refresh() > 0) {
			html.append("<span id=\"refresh-status\">refreshing every ")
				.append(view.refresh())
				.append(" s</span> <a id=\"pause\" href=\"dbperf")
				.append(view.withRefresh(0).query())
				.append("\">pause</a>");
		}
		else {
			html.append("<span id=\"refresh-status\">paused</span> <a id=\"resume\" href=\"dbperf")
				.append(view.withRefresh(DashboardView.DEFAULT_REFRESH).query())
				.append("\">resume auto-refresh</a>");
		}
		html.append("</nav>");
	}

	private static void entrypoints(StringBuilder html, List<EntryPointSnapshot> entrypoints, String linkPrefix) {
		html.append("<h2>Entry points</h2>");
		table(html, "entrypoints", entrypoints, List.of(
				column("entry point", (e) -> "<a class=\"entrypoint\" href=\"" + linkPrefix + "entrypoints/" + pathOf(e.name()) + "\">"
						+ Html.escape(e.name()) + "</a>"),
				number("units", EntryPointSnapshot::units),
				number("statements per unit", EntryPointSnapshot::statementsPerUnit),
				number("p95", EntryPointSnapshot::statementsPerUnitP95),
				number("max", EntryPointSnapshot::maxStatementsPerUnit),
				number("db ms per unit", EntryPointSnapshot::dbMillisPerUnit),
				number("p95 ms", EntryPointSnapshot::dbMillisPerUnitP95),
				number("share %", EntryPointSnapshot::sharePercent), number("findings", EntryPointSnapshot::findings),
				column("units a minute", (e) -> Charts.sparkline("calls", e.minutes(), MinutePoint::calls, "units")),
				column("p95 db ms a minute",
						(e) -> Charts.sparkline("p95", e.minutes(), MinutePoint::p95Millis, "p95 database ms per unit")),
				column("top statements", (e) -> topStatementsOf(e, linkPrefix))));
	}

	private static String topStatementsOf(EntryPointSnapshot entrypoint, String linkPrefix) {
		StringBuilder list = new StringBuilder("<ol class=\"suggestions\">");
		for (EntryPointStatement statement : entrypoint.topStatements()) {
			list.append("<li>")
				.append(sql(statement.sql(), linkPrefix + statement.id(), 60))
				.append(" ")
				.append(statement.calls())
				.append(" calls, ")
				.append(Charts.format(statement.totalMillis()))
				.append(" ms</li>");
		}
		return list.append("</ol>").toString();
	}

	/**
	 * An entry point's name as a path below {@code entrypoints/}: each part between its
	 * slashes percent-encoded.
	 */
	static String pathOf(String name) {
		StringBuilder path = new StringBuilder();
		for (String part : name.split("/", -1)) {
			if (path.length() > 0 || name.startsWith("/")) {
				path.append('/');
			}
			path.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return (name.startsWith("/")) ? path.substring(1) : path.toString();
	}

	static String renderEntrypoint(EntryPointDetail detail) {
		EntryPointSnapshot entrypoint = detail.entrypoint();
		// Back up from entrypoints/<name parts> to the endpoint.
		String up = "../".repeat(entrypoint.name().split("/", -1).length + 1);
		String dashboard = up + "dbperf";
		StringBuilder html = start("dbperf: " + entrypoint.name(), 0);
		html.append("<header><h1><a href=\"")
			.append(dashboard)
			.append("\">dbperf</a></h1><span>entry point <b id=\"entrypoint-name\">")
			.append(Html.escape(entrypoint.name()))
			.append("</b></span><span>window ")
			.append(Html.escape(detail.window()))
			.append("</span></header><main><table id=\"entrypoint\"><tbody>");
		row(html, "units", entrypoint.units());
		row(html, "statements per unit (mean, p95, max)", entrypoint.statementsPerUnit() + ", "
				+ entrypoint.statementsPerUnitP95() + ", " + entrypoint.maxStatementsPerUnit());
		row(html, "db ms per unit (mean, p95)", entrypoint.dbMillisPerUnit() + ", " + entrypoint.dbMillisPerUnitP95());
		row(html, "db ms", entrypoint.dbMillis());
		row(html, "share of all db time %", entrypoint.sharePercent());
		row(html, "findings", entrypoint.findings());
		html.append("<tr><th>units a minute</th><td>")
			.append(Charts.sparkline("calls", entrypoint.minutes(), MinutePoint::calls, "units"))
			.append("</td></tr><tr><th>p95 db ms per unit a minute</th><td>")
			.append(Charts.sparkline("p95", entrypoint.minutes(), MinutePoint::p95Millis, "p95 database ms per unit"))
			.append("</td></tr></tbody></table><h2>Statements it ran</h2>");
		table(html, "entrypoint-statements", entrypoint.topStatements(),
				List.of(column("SQL", (s) -> sql(s.sql(), up + "dbperf/" + s.id(), FOLD)),
						number("calls", EntryPointStatement::calls), number("total ms", EntryPointStatement::totalMillis)));
		nPlusOne(html, detail.findings(), up + "dbperf/");
		html.append("<p><a href=\"").append(dashboard).append("\">Back to the dashboard</a></p>");
		return finish(html);
	}

	static String renderStatement(StatementDetail detail) {
		StatementSnapshot statement = detail.statement();
		StringBuilder html = start("dbperf: statement " + statement.id(), 0);
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
		row(html, "entry points", String.join(", ", statement.entrypoints()));
		if (statement.database() != null) {
			DatabaseCells.rows(statement.database()).forEach((name, value) -> row(html, name, value));
		}
		html.append("<tr><th>calls a minute</th><td>")
			.append(Charts.sparkline("calls", statement.minutes(), MinutePoint::calls, "calls"))
			.append("</td></tr><tr><th>p95 ms a minute</th><td>")
			.append(Charts.sparkline("p95", statement.minutes(), MinutePoint::p95Millis, "p95 ms"))
			.append("</td></tr></tbody></table>");
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
		nPlusOne(html, detail.nPlusOne(), "");
		html.append("<p><a href=\"../dbperf\">Back to the dashboard</a></p>");
		return finish(html);
	}

	private static StringBuilder start(String title, int refreshSeconds) {
		StringBuilder html = new StringBuilder(16 * 1024)
			.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
		if (refreshSeconds > 0) {
			html.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">");
		}
		return html.append("<meta name=\"color-scheme\" content=\"light dark\">")
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

	private static void topStatements(StringBuilder html, List<StatementSnapshot> statements, DashboardView view) {
		html.append("<h2>Top statements</h2><p id=\"sort\">Sort by: ");
		for (StatementOrder candidate : StatementOrder.values()) {
			String name = candidate.name().toLowerCase(Locale.ROOT);
			html.append("<a href=\"dbperf")
				.append(view.with(candidate).query())
				.append("\"")
				.append((candidate == view.order()) ? " class=\"current\"" : "")
				.append(" data-sort=\"")
				.append(name)
				.append("\">")
				.append(name)
				.append("</a> ");
		}
		html.append(" · ")
			.append(view.includeStartup() ? "startup statements included: <a id=\"include-startup\" href=\"dbperf"
					+ view.withStartup(false).query() + "\">leave them out</a>"
					: "startup statements left out: <a id=\"include-startup\" href=\"dbperf"
							+ view.withStartup(true).query() + "\">include them</a>")
			.append("</p>");
		table(html, "top-statements", statements,
				List.of(column("SQL", (s) -> sql(s.sql(), "dbperf/" + s.id(), FOLD)),
						text("operation", StatementSnapshot::operation), number("calls", StatementSnapshot::calls),
						number("errors", StatementSnapshot::errors), number("total ms", StatementSnapshot::totalMillis),
						number("mean ms", StatementSnapshot::meanMillis), number("max ms", StatementSnapshot::maxMillis),
						number("p95 ms", StatementSnapshot::p95Millis), number("p99 ms", StatementSnapshot::p99Millis),
						column("calls a minute", (s) -> Charts.sparkline("calls", s.minutes(), MinutePoint::calls, "calls")),
						column("p95 ms a minute",
								(s) -> Charts.sparkline("p95", s.minutes(), MinutePoint::p95Millis, "p95 ms")),
						text("entry points", (s) -> String.join(", ", s.entrypoints())),
						text("repositories", (s) -> String.join(", ", s.repositories())), text("database",
								(s) -> (s.database() != null) ? DatabaseCells.summary(s.database()) : "")));
	}

	/**
	 * SQL as a link to its statement; text longer than {@code fold} characters folds behind
	 * a "show all" toggle (a details element: no script).
	 */
	static String sql(String sql, String href, int fold) {
		String link = "<a href=\"" + Html.escape(href) + "\"><code>" + Html.escape(sql) + "</code></a>";
		if (sql.length() <= fold) {
			return link;
		}
		return "<details class=\"sql\"><summary><a href=\"" + Html.escape(href) + "\"><code>"
				+ Html.escape(sql.substring(0, fold - 20)) + "…</code></a> <span class=\"more\">show all</span></summary>"
				+ link + "</details>";
	}

	private static void startup(StringBuilder html, List<StatementSnapshot> statements) {
		html.append("<h2>Startup</h2>");
		table(html, "startup", statements,
				List.of(column("SQL", (s) -> sql(s.sql(), "dbperf/" + s.id(), FOLD)),
						number("calls", StatementSnapshot::calls), number("total ms", StatementSnapshot::totalMillis)));
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

	private static void nPlusOne(StringBuilder html, List<NPlusOneFinding> findings, String linkPrefix) {
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
				.append("</span></td><td><a class=\"entrypoint\" href=\"")
				.append(linkPrefix)
				.append("entrypoints/")
				.append(pathOf(finding.entrypoint()))
				.append("\">")
				.append(Html.escape(finding.entrypoint()))
				.append("</a></td><td>")
				.append(sql(finding.sql(), linkPrefix + finding.id(), FOLD))
				.append("</td><td>");
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
				.append("</td></tr><tr class=\"fix\"><td></td><td colspan=\"7\"><div class=\"seen\">last seen ")
				.append(Html.escape(finding.lastSeen()))
				.append("</div>");
			if (finding.triggeredBySql() != null) {
				html.append("<div class=\"trigger\">triggered by ")
					.append(sql(finding.triggeredBySql(), linkPrefix + finding.triggeredBy(), FOLD))
					.append("</div>");
			}
			if (finding.figures() != null) {
				html.append("<div class=\"trigger figures\">p95 ")
					.append(Html.escape(finding.figures().get("p95RecentMillis")))
					.append(" ms over the last 5 minutes (")
					.append(Html.escape(finding.figures().get("callsRecent")))
					.append(" calls), ")
					.append(Html.escape(finding.figures().get("factor")))
					.append("× the ")
					.append(Html.escape(finding.figures().get("p95BeforeMillis")))
					.append(" ms of the hour before (")
					.append(Html.escape(finding.figures().get("callsBefore")))
					.append(" calls)</div>");
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

	static <T> void table(StringBuilder html, String id, List<T> rows, List<Column<T>> columns) {
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

	static <T> Column<T> text(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), false);
	}

	static <T> Column<T> number(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), true);
	}

	record Column<T>(String title, Function<T, String> cell, boolean numeric) {

	}

}

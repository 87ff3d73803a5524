package io.github.dbperf.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.AssociationSnapshot;
import io.github.dbperf.statistics.EntryPointSnapshot;
import io.github.dbperf.statistics.EntryPointStatement;
import io.github.dbperf.statistics.MinutePoint;
import io.github.dbperf.statistics.RepositorySnapshot;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.Window;
import org.jspecify.annotations.Nullable;

/**
 * The HTML view of {@code /actuator/dbperf}: one self-contained page (inline CSS and
 * script, no CDN, no fonts to fetch) rendered on the server, every value escaped. Links
 * are relative, so it works under any Actuator base path and servlet context path.
 */
final class DashboardPage {

	private static final String STYLE = resource("dashboard.css");

	/** SQL longer than this folds behind "show all". */
	static final int FOLD = 120;

	private static final String SCRIPT = resource("dashboard.js");

	private DashboardPage() {
	}

	/**
	 * A stylesheet or script of the page, read once from the class path (inlined in every
	 * page, so that it stays self-contained).
	 */
	private static String resource(String name) {
		try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No " + name + " beside " + DashboardPage.class.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String render(DbPerfReport report, RankedFindings findings, DashboardView view, TraceLinks traces) {
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
		// What is wrong and what to change comes first; the figures that explain it
		// follow.
		summary(html, report.summary());
		findings(html, findings, "dbperf/", view, report.mappings(), traces);
		MappingCells.section(html, report.mappings(), "dbperf/");
		html.append("<h2>Database time by entry point</h2>");
		if (report.entrypoints().isEmpty() && report.summary().backgroundDbMillis() == 0) {
			html.append("<p class=\"empty\" id=\"db-time-bar-empty\">No unit of work in this window.</p>");
		}
		else {
			html.append(Charts.stackedBar(report.entrypoints(), report.summary(), view.includeStartup()));
		}
		entrypoints(html, report.entrypoints(), report.findings(), "dbperf/");
		ConnectionCells.section(html, report.connections());
		topStatements(html, report.topStatements(), view);
		slowQueries(html, report.slowQueries(), "dbperf/", traces);
		startup(html, report.startup());
		associations(html, report.associations());
		repositories(html, report.repositories());
		DatabaseCells.section(html, report.database());
		return finish(html);
	}

	/**
	 * One line of what the window added up to, findings by kind last.
	 */
	private static void summary(StringBuilder html, DbPerfReport.Summary summary) {
		html.append("<p id=\"summary\"><span>")
			.append(Html.escape(windowName(summary.window())))
			.append("</span><span><b>")
			.append(summary.statements())
			.append("</b> statements (")
			.append(Charts.format(summary.statementsPerSecond()))
			.append(" a second)</span><span><b>")
			.append(Charts.format(summary.dbMillis()))
			.append(" ms</b> database time</span><span")
			.append((summary.errors() > 0) ? " class=\"bad\"" : "")
			.append("><b>")
			.append(summary.errors())
			.append("</b> errors</span><span")
			.append((summary.slowQueries() > 0) ? " class=\"bad\"" : "")
			.append("><b>")
			.append(summary.slowQueries())
			.append("</b> slow</span><span id=\"summary-findings\">");
		if (summary.findings().isEmpty()) {
			html.append("<b>no</b> findings");
		}
		else {
			long total = summary.findings().values().stream().mapToLong(Long::longValue).sum();
			html.append("<b>").append(total).append("</b> findings:");
			summary.findings()
				.forEach((kind, count) -> html.append(" <span class=\"badge\">")
					.append(Html.escape(kind))
					.append("</span> ")
					.append(count));
		}
		html.append("</span></p>");
	}

	private static String windowName(String window) {
		return switch (window) {
			case "all" -> "Since start:";
			case "1m" -> "Last minute:";
			case "1h" -> "Last hour:";
			default -> "Last " + window.replace("m", " minutes") + ":";
		};
	}

	/**
	 * The window, include and refresh links: plain links, so they work with JavaScript
	 * off.
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

	private static void entrypoints(StringBuilder html, List<EntryPointSnapshot> entrypoints, List<Finding> findings,
			String linkPrefix) {
		html.append("<h2>Entry points</h2>");
		// Its statements are on its own page; here what a unit costs and what is wrong
		// with it.
		table(html, "entrypoints", entrypoints, List.of(
				column("entry point",
						(e) -> "<a class=\"entrypoint\" href=\"" + linkPrefix + "entrypoints/" + pathOf(e.name())
								+ "\">" + Html.escape(e.name()) + "</a>"),
				number("units", EntryPointSnapshot::units),
				number("statements a unit (mean, p95, max)",
						(e) -> e.statementsPerUnit() + ", " + e.statementsPerUnitP95() + ", "
								+ e.maxStatementsPerUnit()),
				number("db ms a unit (mean, p95)", (e) -> e.dbMillisPerUnit() + ", " + e.dbMillisPerUnitP95()),
				number("share %", EntryPointSnapshot::sharePercent),
				column("findings", (e) -> kindsOf(findings, e.name())),
				column("units a minute", (e) -> Charts.sparkline("calls", e.minutes(), MinutePoint::calls, "units")),
				column("p95 db ms a minute", (e) -> Charts.sparkline("p95", e.minutes(), MinutePoint::p95Millis,
						"p95 database ms per unit"))));
	}

	/**
	 * The kinds of finding that name an entry point, as badges with their count.
	 */
	private static String kindsOf(List<Finding> findings, String entrypoint) {
		Map<String, Long> kinds = new TreeMap<>();
		findings.stream()
			.filter((finding) -> finding.entrypoint().equals(entrypoint))
			.forEach((finding) -> kinds.merge(finding.kind().name(), 1L, Long::sum));
		StringBuilder cell = new StringBuilder();
		kinds.forEach((kind, count) -> cell.append("<span class=\"badge\">")
			.append(Html.escape(kind))
			.append((count > 1) ? " ×" + count : "")
			.append("</span> "));
		return cell.toString().trim();
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

	static String renderEntrypoint(EntryPointDetail detail, TraceLinks traces) {
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
						number("calls", EntryPointStatement::calls),
						number("total ms", EntryPointStatement::totalMillis)));
		findings(html, detail.findings(), up + "dbperf/", traces);
		html.append("<p><a href=\"").append(dashboard).append("\">Back to the dashboard</a></p>");
		return finish(html);
	}

	static String renderStatement(StatementDetail detail, TraceLinks traces) {
		StatementSnapshot statement = detail.statement();
		StringBuilder html = start("dbperf: statement " + statement.id(), 0);
		html.append("<header><h1><a href=\"../dbperf\" style=\"color:#fff\">dbperf</a></h1><span>statement ")
			.append(Html.escape(statement.id()))
			.append("</span></header><main><h2>SQL</h2><p><code id=\"sql\">")
			.append(SqlHtml.highlight(statement.sql(), Integer.MAX_VALUE))
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
		slowQueries(html, detail.slowQueries(), "", traces);
		findings(html, detail.findings(), "", traces);
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
			.append(view.includeStartup()
					? "startup statements included: <a id=\"include-startup\" href=\"dbperf"
							+ view.withStartup(false).query() + "\">leave them out</a>"
					: "startup statements left out: <a id=\"include-startup\" href=\"dbperf"
							+ view.withStartup(true).query() + "\">include them</a>")
			.append("</p>");
		// Operation, max, p99, repositories and the database's figures in full are on
		// each
		// statement's page.
		table(html, "top-statements", statements, List.of(
				new Column<>("SQL",
						(s) -> sql(s.sql(), "dbperf/" + s.id(), FOLD) + ((s.database() != null)
								? "<div class=\"db\">" + Html.escape(DatabaseCells.summary(s.database())) + "</div>"
								: ""),
						"sql"),
				number("calls", StatementSnapshot::calls), number("errors", StatementSnapshot::errors),
				number("total ms", StatementSnapshot::totalMillis), number("mean ms", StatementSnapshot::meanMillis),
				number("p95 ms", StatementSnapshot::p95Millis),
				column("calls a minute", (s) -> Charts.sparkline("calls", s.minutes(), MinutePoint::calls, "calls")),
				column("p95 ms a minute",
						(s) -> Charts.sparkline("p95", s.minutes(), MinutePoint::p95Millis, "p95 ms")),
				text("entry points", (s) -> String.join(", ", s.entrypoints()))));
	}

	/**
	 * SQL as a link to its statement, keywords, tables and placeholders set apart; text
	 * longer than {@code fold} characters is cut there, with a "show all" toggle (a
	 * details element: no script) that shows the whole of it.
	 */
	static String sql(String sql, String href, int fold) {
		String link = "<a href=\"" + Html.escape(href) + "\"><code>" + SqlHtml.highlight(sql, Integer.MAX_VALUE)
				+ "</code></a>";
		if (sql.length() <= fold) {
			return link;
		}
		return "<div class=\"sql\"><a class=\"cut\" href=\"" + Html.escape(href) + "\"><code>"
				+ SqlHtml.highlight(sql, fold - 20)
				+ "…</code></a> <details class=\"sql\"><summary><span class=\"more\">" + "show all</span></summary>"
				+ link + "</details></div>";
	}

	private static void startup(StringBuilder html, List<StatementSnapshot> statements) {
		html.append("<h2>Startup</h2>");
		table(html, "startup", statements, List.of(column("SQL", (s) -> sql(s.sql(), "dbperf/" + s.id(), FOLD)),
				number("calls", StatementSnapshot::calls), number("total ms", StatementSnapshot::totalMillis)));
	}

	/**
	 * Slow queries, each linked to its statement.
	 * @param linkPrefix relative path from the page to {@code /actuator/dbperf/}
	 */
	private static void slowQueries(StringBuilder html, List<SlowQuery> slowQueries, String linkPrefix,
			TraceLinks traces) {
		html.append("<h2>Slow queries</h2>");
		table(html, "slow-queries", slowQueries,
				List.of(text("when", SlowQuery::timestamp), number("elapsed ms", SlowQuery::elapsedMillis),
						column("SQL", (q) -> sql(q.sql(), linkPrefix + q.id(), FOLD)),
						text("repository method", (q) -> q.repository() + "." + q.method()),
						text("entry point", SlowQuery::entrypoint),
						column("call site", (q) -> Html.escape(q.callSite()) + " " + traces.html(q.traceId())),
						text("plan", SlowQuery::plan)));
	}

	/**
	 * Findings with no window and no cost: those of one entry point or one statement.
	 */
	private static void findings(StringBuilder html, List<Finding> findings, String linkPrefix, TraceLinks traces) {
		findings(html, new RankedFindings(findings.stream().map((f) -> new RankedFindings.Ranked(f, -1)).toList(), 0),
				linkPrefix, null, List.of(), traces);
	}

	/**
	 * The findings, two rows each: what, where in the application's code and how often;
	 * then the statement before it and what to change.
	 * @param view the dashboard's view, to link to the findings before the window; none
	 * on the other pages
	 * @param mappings the mapping findings on the page, linked from the findings they
	 * explain
	 */
	private static void findings(StringBuilder html, RankedFindings findings, String linkPrefix,
			@Nullable DashboardView view, List<MappingView> mappings, TraceLinks traces) {
		html.append("<h2 id=\"findings\">Findings</h2>");
		if (view != null && findings.older() > 0) {
			html.append("<p class=\"empty\" id=\"findings-older\">")
				.append(findings.older())
				.append((findings.older() == 1) ? " finding was" : " findings were")
				.append(" last seen before this window: <a href=\"dbperf")
				.append(view.with(Window.ALL).query())
				.append("\">show all</a>.</p>");
		}
		if (findings.findings().isEmpty()) {
			html.append("<p class=\"empty\" id=\"findings-empty\">None.</p>");
			return;
		}
		html.append("<table id=\"findings-table\"><thead><tr><th>finding</th><th>where in the code</th>"
				+ "<th class=\"num\">how often</th></tr></thead><tbody>");
		for (RankedFindings.Ranked ranked : findings.findings()) {
			Finding finding = ranked.finding();
			html.append("<tr class=\"finding\"><td class=\"sql\"><span class=\"badge\">")
				.append(Html.escape(finding.kind()))
				.append("</span> ");
			if (finding.association() != null) {
				html.append("<code class=\"association\">")
					.append(Html.escape(finding.association()))
					.append("</code> ")
					.append(Html.escape(mapping(finding.mapping())));
			}
			MappingCells.linksTo(html, mappings, finding);
			String subject = ConnectionCells.subject(finding);
			html.append("<div>")
				.append((subject != null) ? subject : sql(finding.sql(), linkPrefix + finding.id(), FOLD))
				.append("</div></td><td><a class=\"entrypoint\" href=\"")
				.append(linkPrefix)
				.append("entrypoints/")
				.append(pathOf(finding.entrypoint()))
				.append("\">")
				.append(Html.escape(finding.entrypoint()))
				.append("</a><div class=\"where\">")
				.append(Html.escape(finding.repository() + "." + finding.method()))
				.append("</div><div class=\"site\">")
				.append(Html.escape(finding.callSite()))
				.append(' ')
				.append(traces.html(finding.traceId()))
				.append("</div></td><td class=\"num\"><div>")
				.append(finding.occurrences())
				.append((finding.occurrences() == 1) ? " time" : " times")
				.append("</div>");
			if (finding.maxRepetitions() > 1) {
				html.append("<div class=\"seen\">up to ").append(finding.maxRepetitions()).append(" statements</div>");
			}
			if (ranked.dbMillis() >= 0) {
				html.append("<div class=\"seen\">")
					.append(Charts.format(ranked.dbMillis()))
					.append(" ms of database time in this window</div>");
			}
			html.append("<div class=\"seen\">first seen ")
				.append(Html.escape(finding.firstSeen().truncatedTo(ChronoUnit.SECONDS)))
				.append("</div><div class=\"seen\">last seen ")
				.append(Html.escape(finding.lastSeen().truncatedTo(ChronoUnit.SECONDS)))
				.append("</div></td></tr><tr class=\"fix\"><td colspan=\"3\">");
			if (finding.triggeredBySql() != null) {
				html.append("<div class=\"trigger\">triggered by ")
					.append(sql(finding.triggeredBySql(), linkPrefix + finding.triggeredBy(), FOLD))
					.append("</div>");
			}
			if (finding.details() instanceof Finding.RegressionDetails regression) {
				html.append("<div class=\"trigger figures\">p95 ")
					.append(Charts.format(regression.p95RecentMillis()))
					.append(" ms over the last 5 minutes (")
					.append(regression.callsRecent())
					.append(" calls), ")
					.append(Charts.format(regression.factor()))
					.append("× the ")
					.append(Charts.format(regression.p95BeforeMillis()))
					.append(" ms of the hour before (")
					.append(regression.callsBefore())
					.append(" calls)</div>");
			}
			html.append(suggestions(finding.suggestions())).append("</td></tr>");
		}
		html.append("</tbody></table>");
	}

	/**
	 * How an association is mapped, e.g. {@code fetch LAZY, batchSize 16}.
	 */
	private static String mapping(@Nullable Map<String, Object> mapping) {
		if (mapping == null || mapping.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder("(");
		mapping.forEach(
				(name, value) -> text.append((text.length() > 1) ? ", " : "").append(name).append(' ').append(value));
		return text.append(')').toString();
	}

	static String suggestions(List<String> suggestions) {
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
		table(html, "repositories", repositories, List.of(text("repository", RepositorySnapshot::repository),
				text("method", RepositorySnapshot::method), number("calls", RepositorySnapshot::calls),
				number("statements", RepositorySnapshot::statements), number("db ms", RepositorySnapshot::dbMillis),
				number("max statements per call", RepositorySnapshot::maxStatementsPerCall)));
	}

	static <T> void table(StringBuilder html, String id, List<T> rows, List<Column<T>> columns) {
		if (rows.isEmpty()) {
			html.append("<p class=\"empty\" id=\"").append(id).append("-empty\">None.</p>");
			return;
		}
		html.append("<table id=\"").append(id).append("\"><thead><tr>");
		columns.forEach((column) -> html.append("num".equals(column.css()) ? "<th class=\"num\">" : "<th>")
			.append(Html.escape(column.title()))
			.append("</th>"));
		html.append("</tr></thead><tbody>");
		for (T row : rows) {
			html.append("<tr>");
			for (Column<T> column : columns) {
				html.append((column.css() != null) ? "<td class=\"" + column.css() + "\">" : "<td>")
					.append(column.cell().apply(row))
					.append("</td>");
			}
			html.append("</tr>");
		}
		html.append("</tbody></table>");
	}

	private static void row(StringBuilder html, String name, Object value) {
		html.append("<tr><th>")
			.append(Html.escape(name))
			.append("</th><td>")
			.append(Html.escape(value))
			.append("</td></tr>");
	}

	private static <T> Column<T> column(String title, Function<T, String> html) {
		return new Column<>(title, html, null);
	}

	static <T> Column<T> text(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), null);
	}

	static <T> Column<T> number(String title, Function<T, Object> value) {
		return new Column<>(title, (row) -> Html.escape(value.apply(row)), "num");
	}

	/**
	 * A column: its title, its cell's HTML and the cell's class ({@code num},
	 * {@code sql}) or none.
	 */
	record Column<T>(String title, Function<T, String> cell, @Nullable String css) {

	}

}

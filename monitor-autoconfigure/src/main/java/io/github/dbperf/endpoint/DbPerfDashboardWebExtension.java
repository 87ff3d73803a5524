package io.github.dbperf.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The HTML view of {@code /actuator/dbperf} for browsers (they ask for
 * {@code text/html}): the dashboard and one statement's page. Web only; JSON clients and
 * JMX get {@link DbPerfEndpoint}'s data.
 */
@EndpointWebExtension(endpoint = DbPerfEndpoint.class)
@SuppressWarnings("deprecation")
public class DbPerfDashboardWebExtension {

	private final DbPerfReports reports;

	private final TraceLinks traces;

	public DbPerfDashboardWebExtension(DbPerfReports reports) {
		this(reports, TraceLinks.NONE);
	}

	/**
	 * Create the pages.
	 * @param reports the reports
	 * @param traces links to the application's trace viewer
	 */
	public DbPerfDashboardWebExtension(DbPerfReports reports, TraceLinks traces) {
		this.reports = reports;
		this.traces = traces;
	}

	/**
	 * The report as an HTML page.
	 * @param sort the order of top statements
	 * @param limit how many top statements
	 * @return the page
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public String dashboard(@Nullable @org.springframework.lang.Nullable String sort,
			@Nullable @org.springframework.lang.Nullable Integer limit,
			@Nullable @org.springframework.lang.Nullable String window,
			@Nullable @org.springframework.lang.Nullable String include,
			@Nullable @org.springframework.lang.Nullable String refresh) {
		DashboardView view = DashboardView.of(sort, limit, window, include, refresh);
		DbPerfReport report = this.reports.report(view.order(), view.limit(), view.window(), view.includeStartup());
		return DashboardPage.render(report, this.reports.ranked(report.findings(), view.window()), view, this.traces);
	}

	/**
	 * One statement as an HTML page.
	 * @param id the fingerprint id
	 * @return the page, or {@code null} (404) when unknown
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public @Nullable String statementPage(@Selector String id,
			@Nullable @org.springframework.lang.Nullable String window) {
		StatementDetail detail = this.reports.statement(id, DbPerfReports.window(window, DashboardView.DEFAULT_WINDOW));
		return (detail != null) ? DashboardPage.renderStatement(detail, this.traces) : null;
	}

	/**
	 * One entry point as an HTML page.
	 * @param section {@code entrypoints}
	 * @param name the entry point's name, split at its slashes
	 * @param window the span of its figures
	 * @return the page, or {@code null} (404) when unknown
	 */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public @Nullable String entrypointPage(@Selector String section,
			@Selector(match = Selector.Match.ALL_REMAINING) String[] name,
			@Nullable @org.springframework.lang.Nullable String window) {
		if (!DbPerfEndpoint.ENTRYPOINTS.equals(section)) {
			return null;
		}
		EntryPointDetail detail = this.reports.entrypoint(String.join("/", name),
				DbPerfReports.window(window, DashboardView.DEFAULT_WINDOW));
		return (detail != null) ? DashboardPage.renderEntrypoint(detail, this.traces) : null;
	}

}

package io.github.dbperf.endpoint;

import io.github.dbperf.statistics.Window;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code /actuator/dbperf}: the slowest and costliest statements, slow queries, N+1
 * findings and repository methods, as JSON (the HTML view is
 * {@link DbPerfDashboardWebExtension}). Read-only unless
 * {@code management.endpoint.dbperf.access=unrestricted}: resetting and changing the
 * threshold are writes.
 */
@Endpoint(id = "dbperf", defaultAccess = Access.READ_ONLY)
// Optional parameters carry Spring's own @Nullable too: Boot 3.5 reads only that one.
@SuppressWarnings("deprecation")
public class DbPerfEndpoint {

	static final String ENTRYPOINTS = "entrypoints";

	private final DbPerfReports reports;

	public DbPerfEndpoint(DbPerfReports reports) {
		this.reports = reports;
	}

	@ReadOperation
	public DbPerfReport report(@Nullable @org.springframework.lang.Nullable String sort,
			@Nullable @org.springframework.lang.Nullable Integer limit,
			@Nullable @org.springframework.lang.Nullable String window,
			@Nullable @org.springframework.lang.Nullable String include) {
		return this.reports.report(DbPerfReports.order(sort), DbPerfReports.limit(limit),
				DbPerfReports.window(window, Window.ALL), DbPerfReports.includeStartup(include));
	}

	@ReadOperation
	public @Nullable StatementDetail statement(@Selector String id,
			@Nullable @org.springframework.lang.Nullable String window) {
		return this.reports.statement(id, DbPerfReports.window(window, Window.ALL));
	}

	/**
	 * {@code GET /actuator/dbperf/entrypoints/{name}}: one entry point, its name
	 * URL-encoded (the slashes of a route template may stay as they are).
	 * @param section {@code entrypoints}
	 * @param name the entry point's name, split at its slashes
	 * @param window the span of its figures
	 * @return the detail, or {@code null} (404) when unknown
	 */
	@ReadOperation
	public @Nullable EntryPointDetail entrypoint(@Selector String section,
			@Selector(match = Selector.Match.ALL_REMAINING) String[] name,
			@Nullable @org.springframework.lang.Nullable String window) {
		if (!ENTRYPOINTS.equals(section)) {
			return null;
		}
		return this.reports.entrypoint(String.join("/", name), DbPerfReports.window(window, Window.ALL));
	}

	@DeleteOperation
	public void reset() {
		this.reports.reset();
	}

	@WriteOperation
	public SettingsDescriptor configure(@Nullable @org.springframework.lang.Nullable String slowQueryThreshold) {
		if (slowQueryThreshold != null) {
			this.reports.changeThreshold(slowQueryThreshold);
		}
		return new SettingsDescriptor(DurationStyle.SIMPLE.print(this.reports.threshold()));
	}

	/**
	 * The settings that can be changed at runtime.
	 *
	 * @param slowQueryThreshold the slow-query threshold now in force
	 */
	public record SettingsDescriptor(String slowQueryThreshold) {

	}

}

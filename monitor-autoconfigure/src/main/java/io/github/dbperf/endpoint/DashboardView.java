package io.github.dbperf.endpoint;

import java.util.Locale;

import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.Window;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * What the dashboard shows, from its query parameters, and the links that change one of
 * them.
 *
 * @param order the order of top statements
 * @param limit how many top statements
 * @param window the span of its figures
 * @param includeStartup whether startup statements count among the top
 * @param refresh seconds between reloads, 0 when paused
 */
record DashboardView(StatementOrder order, int limit, Window window, boolean includeStartup, int refresh) {

	static final Window DEFAULT_WINDOW = Window.FIFTEEN_MINUTES;

	static final int DEFAULT_REFRESH = 30;

	static DashboardView of(@Nullable String sort, @Nullable Integer limit, @Nullable String window,
			@Nullable String include, @Nullable String refresh) {
		return new DashboardView(DbPerfReports.order(sort), DbPerfReports.limit(limit),
				DbPerfReports.window(window, DEFAULT_WINDOW), DbPerfReports.includeStartup(include), refresh(refresh));
	}

	static int refresh(@Nullable String refresh) {
		if (refresh == null || refresh.isBlank()) {
			return DEFAULT_REFRESH;
		}
		if (refresh.trim().equalsIgnoreCase("off")) {
			return 0;
		}
		try {
			int seconds = Integer.parseInt(refresh.trim());
			if (seconds >= 5 && seconds <= 3600) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new InvalidEndpointRequestException(
				"Invalid refresh '" + refresh + "': allowed values are off or 5 to 3600 seconds", "Invalid refresh");
	}

	DashboardView with(Window window) {
		return new DashboardView(this.order, this.limit, window, this.includeStartup, this.refresh);
	}

	DashboardView with(StatementOrder order) {
		return new DashboardView(order, this.limit, this.window, this.includeStartup, this.refresh);
	}

	DashboardView withStartup(boolean includeStartup) {
		return new DashboardView(this.order, this.limit, this.window, includeStartup, this.refresh);
	}

	DashboardView withRefresh(int refresh) {
		return new DashboardView(this.order, this.limit, this.window, this.includeStartup, refresh);
	}

	/**
	 * The query string that shows this view, escaped for an attribute.
	 * @return {@code ?sort=...&amp;...}
	 */
	String query() {
		return "?sort=" + this.order.name().toLowerCase(Locale.ROOT) + "&amp;limit=" + this.limit + "&amp;window="
				+ this.window.value() + (this.includeStartup ? "&amp;include=startup" : "") + "&amp;refresh="
				+ ((this.refresh > 0) ? Integer.toString(this.refresh) : "off");
	}

}

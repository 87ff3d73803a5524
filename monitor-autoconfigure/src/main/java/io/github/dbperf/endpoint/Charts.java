package io.github.dbperf.endpoint;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.github.dbperf.statistics.EntryPointSnapshot;

/**
 * Inline SVG drawn on the server: sparklines of one value a minute and a stacked bar of
 * database time by entry point. No script, no external resource; colours come from the
 * page's CSS classes, so dark mode restyles them.
 */
final class Charts {

	static final int SPARK_WIDTH = 120;

	static final int SPARK_HEIGHT = 24;

	/** Distinct fills for the stacked bar, by position; the rest share the last. */
	static final int SEGMENT_CLASSES = 8;

	private Charts() {
	}

	/**
	 * A sparkline: one vertex a minute, oldest left, scaled to its own largest value.
	 * @param id the chart's kind ({@code calls}, {@code p95}), for CSS and tests
	 * @param points the minutes
	 * @param value what to draw of each
	 * @param unit what the value is, for the accessible label
	 * @return the SVG element
	 */
	static <T> String sparkline(String id, List<T> points, ToDoubleFunction<T> value, String unit) {
		double max = 0;
		for (T point : points) {
			max = Math.max(max, value.applyAsDouble(point));
		}
		StringBuilder vertices = new StringBuilder();
		int n = points.size();
		for (int i = 0; i < n; i++) {
			double x = (n == 1) ? SPARK_WIDTH : (double) i * SPARK_WIDTH / (n - 1);
			double v = value.applyAsDouble(points.get(i));
			double y = (max > 0) ? SPARK_HEIGHT - 1 - v / max * (SPARK_HEIGHT - 2) : SPARK_HEIGHT - 1;
			vertices.append((i > 0) ? " " : "").append(format(x)).append(',').append(format(y));
		}
		double last = n > 0 ? value.applyAsDouble(points.get(n - 1)) : 0;
		String label = unit + " a minute over the last " + n + " minutes: now " + format(last) + ", peak "
				+ format(max);
		return "<svg class=\"spark " + id + "\" data-points=\"" + n + "\" width=\"" + SPARK_WIDTH + "\" height=\""
				+ SPARK_HEIGHT + "\" viewBox=\"0 0 " + SPARK_WIDTH + " " + SPARK_HEIGHT
				+ "\" role=\"img\" aria-label=\"" + Html.escape(label) + "\"><title>" + Html.escape(label)
				+ "</title><polyline points=\"" + vertices + "\"/></svg>";
	}

	/**
	 * One bar of the window's database time: a segment per entry point as wide as its
	 * share, then what ran outside any unit of work named by what it was (background
	 * threads; startup only when asked for, otherwise it is not part of the bar), and
	 * what is left (statements evicted from the store, rounding) in grey.
	 * @param entrypoints most time first, their shares of the bar's time
	 * @param summary the window's totals
	 * @param includeStartup whether startup's time is part of the bar
	 * @return the SVG element and its legend
	 */
	static String stackedBar(List<EntryPointSnapshot> entrypoints, DbPerfReport.Summary summary,
			boolean includeStartup) {
		StringBuilder svg = new StringBuilder(
				"<svg id=\"db-time-bar\" width=\"100%\" height=\"22\" viewBox=\"0 0 1000 22\" preserveAspectRatio=\"none\""
						+ " role=\"img\" aria-label=\"Database time by entry point\">");
		StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
		double x = 0;
		int index = 0;
		for (EntryPointSnapshot entrypoint : entrypoints) {
			String css = "seg" + Math.min(index, SEGMENT_CLASSES - 1);
			double width = segment(svg, legend, css, entrypoint.name(), entrypoint.sharePercent(),
					entrypoint.dbMillis(), x);
			if (width > 0) {
				x += width;
				index++;
			}
		}
		double barMillis = summary.dbMillis() - (includeStartup ? 0 : summary.startupDbMillis());
		if (barMillis > 0) {
			x += segment(svg, legend, "background", "background threads (no request, task or scope)",
					share(summary.backgroundDbMillis(), barMillis), summary.backgroundDbMillis(), x);
			if (includeStartup) {
				x += segment(svg, legend, "startup", "startup", share(summary.startupDbMillis(), barMillis),
						summary.startupDbMillis(), x);
			}
		}
		if (x < 999.5) {
			segment(svg, legend, "rest", "not attributed (statements no longer tracked, rounding)", (1000 - x) / 10, -1,
					x);
		}
		return svg.append("</svg>").append(legend).append("</ul>").toString();
	}

	private static double share(double millis, double of) {
		return Math.round(Math.min(1.0, millis / of) * 1000) / 10.0;
	}

	/**
	 * One segment and its legend entry.
	 * @param millis its database time, or -1 when it has none of its own
	 * @return its width, 0 when it has no share
	 */
	private static double segment(StringBuilder svg, StringBuilder legend, String css, String name, double sharePercent,
			double millis, double x) {
		double width = Math.min(sharePercent * 10, 1000 - x);
		if (width <= 0) {
			return 0;
		}
		String title = name + ": " + format(sharePercent) + "% of database time"
				+ ((millis >= 0) ? ", " + format(millis) + " ms" : "");
		svg.append("<rect class=\"segment ")
			.append(css)
			.append("\" data-entrypoint=\"")
			.append(Html.escape(name))
			.append("\" x=\"")
			.append(format(x))
			.append("\" y=\"0\" width=\"")
			.append(format(width))
			.append("\" height=\"22\"><title>")
			.append(Html.escape(title))
			.append("</title></rect>");
		legend.append("<li><span class=\"swatch ")
			.append(css)
			.append("\"></span>")
			.append(Html.escape(name))
			.append(" ")
			.append(format(sharePercent))
			.append("%</li>");
		return width;
	}

	static String format(double value) {
		if (value == Math.rint(value)) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}

package io.github.dbperf.endpoint;

import org.jspecify.annotations.Nullable;

/**
 * Links from the dashboard to the application's trace viewer
 * ({@code dbperf.tracing.trace-url}, e.g. {@code https://tempo.example/trace/{traceId}}).
 *
 * @param template the URL with {@code {traceId}} where the trace id goes, or {@code null}
 * for no links
 */
public record TraceLinks(@Nullable String template) {

	/** No trace viewer: no links. */
	public static final TraceLinks NONE = new TraceLinks(null);

	/** Where the trace id goes in the template. */
	public static final String TRACE_ID = "{traceId}";

	/**
	 * A link to a trace, for a page.
	 * @param traceId the trace id, or {@code null}
	 * @return an HTML link, or an empty string without a template or a trace
	 */
	String html(@Nullable String traceId) {
		if (this.template == null || traceId == null || !isHex(traceId)) {
			return "";
		}
		return "<a class=\"trace\" href=\"" + Html.escape(this.template.replace(TRACE_ID, traceId)) + "\">trace</a>";
	}

	/** Trace ids are hexadecimal (W3C, B3): anything else is not put in a link. */
	private static boolean isHex(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				return false;
			}
		}
		return !id.isEmpty();
	}

}

package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.findings.Finding;

/**
 * The "Before traffic" block of the dashboard: what the mappings and settings will cost,
 * read at startup, each with why, what to change and the findings traffic has shown of it
 * since.
 */
final class MappingCells {

	private MappingCells() {
	}

	static void section(StringBuilder html, List<MappingView> mappings, String linkPrefix) {
		html.append("<h2 id=\"mappings\">Before traffic: mappings and settings</h2>");
		if (mappings.isEmpty()) {
			html.append("<p class=\"empty\" id=\"mappings-empty\">None: read from the ORM's metamodel and settings "
					+ "at startup.</p>");
			return;
		}
		html.append("<table id=\"mappings-table\"><thead><tr><th>kind</th><th>where</th><th>why</th>"
				+ "<th>what to change</th><th>seen in traffic</th></tr></thead><tbody>");
		for (MappingView mapping : mappings) {
			html.append("<tr><td>")
				.append(Html.escape(mapping.kind()))
				.append("</td><td><code>")
				.append(Html.escape(mapping.name().substring(mapping.kind().length() + 1)))
				.append("</code></td><td>")
				.append(Html.escape(mapping.why()))
				.append("</td><td>")
				.append(DashboardPage.suggestions(mapping.suggestions()))
				.append("</td><td>")
				.append(evidence(mapping.evidence(), linkPrefix))
				.append("</td></tr>");
		}
		html.append("</tbody></table>");
	}

	/**
	 * Links from a runtime finding to the mapping findings that explain it.
	 * @param html the page
	 * @param mappings the mapping findings on the page
	 * @param finding the runtime finding
	 */
	static void linksTo(StringBuilder html, List<MappingView> mappings, Finding finding) {
		for (MappingView mapping : mappings) {
			boolean explains = mapping.evidence()
				.stream()
				.anyMatch((seen) -> seen.id().equals(finding.id()) && seen.entrypoint().equals(finding.entrypoint())
						&& seen.kind().equals(finding.kind().name()));
			if (explains) {
				html.append(" <a class=\"mapping-link\" href=\"#mappings\">mapping: ")
					.append(Html.escape(mapping.name()))
					.append("</a> ");
			}
		}
	}

	private static String evidence(List<MappingView.Evidence> evidence, String linkPrefix) {
		if (evidence.isEmpty()) {
			return "not yet";
		}
		StringBuilder cell = new StringBuilder();
		for (MappingView.Evidence seen : evidence) {
			cell.append((cell.length() > 0) ? "<br>" : "")
				.append("<a href=\"")
				.append(Html.escape(linkPrefix + seen.id()))
				.append("\">")
				.append(Html.escape(seen.kind()))
				.append("</a> in ")
				.append(Html.escape(seen.entrypoint()))
				.append(" ×")
				.append(seen.occurrences());
		}
		return cell.toString();
	}

}

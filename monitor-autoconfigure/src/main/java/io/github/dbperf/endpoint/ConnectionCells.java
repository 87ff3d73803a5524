package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.connections.PoolState;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.statistics.ConnectionSnapshot;
import io.github.dbperf.statistics.PoolMinute;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's connections: per DataSource its pool now, the pool a minute at a time,
 * and who borrowed, waited and held; and the line that says what a connection finding is
 * about (it has no statement of its own).
 */
final class ConnectionCells {

	private ConnectionCells() {
	}

	/**
	 * The section, one block a DataSource.
	 * @param html the page
	 * @param views the report's connections
	 */
	static void section(StringBuilder html, List<ConnectionsView> views) {
		if (views.isEmpty()) {
			return;
		}
		html.append("<section id=\"connections\"><h2>Connections</h2>");
		for (ConnectionsView view : views) {
			PoolState pool = view.pool();
			html.append("<p class=\"pool\" data-datasource=\"")
				.append(Html.escape(view.dataSource()))
				.append("\"><span><b>")
				.append(Html.escape(view.dataSource()))
				.append("</b></span><span><b>")
				.append(pool.out())
				.append("</b> out now")
				.append((pool.max() != null) ? " of " + pool.max() : "")
				.append("</span><span")
				.append((pool.waiting() > 0) ? " class=\"bad\"" : "")
				.append("><b>")
				.append(pool.waiting())
				.append("</b> waiting</span>");
			if (pool.idle() != null) {
				html.append("<span><b>").append(pool.idle()).append("</b> idle in the pool</span>");
			}
			html.append("<span>out a minute (mean) ")
				.append(Charts.sparkline("out", view.minutes(), PoolMinute::meanActive, "connections out on average"))
				.append("</span><span>waiting a minute (mean) ")
				.append(Charts.sparkline("waiting", view.minutes(), PoolMinute::meanWaiting,
						"threads waiting on average"))
				.append("</span></p>");
			if (view.entrypoints().isEmpty()) {
				html.append("<p class=\"empty\">No connection returned in this window.</p>");
				continue;
			}
			DashboardPage.table(html, "connections-" + view.dataSource(), view.entrypoints(), List.of(
					DashboardPage.text("entry point", ConnectionSnapshot::entrypoint),
					DashboardPage.number("borrows", ConnectionSnapshot::borrows),
					DashboardPage.number("a unit", ConnectionSnapshot::connectionsPerUnit),
					DashboardPage.number("wait ms (p95, max)",
							(c) -> Charts.format(c.waitP95Millis()) + ", " + Charts.format(c.waitMaxMillis())),
					DashboardPage.number("held ms (p95, max)",
							(c) -> Charts.format(c.heldP95Millis()) + ", " + Charts.format(c.heldMaxMillis())),
					DashboardPage.number("held ms", (c) -> Charts.format(c.heldMillis())),
					DashboardPage.number("idle in transaction %", (c) -> Charts.format(c.idleInTransactionPercent()))));
		}
		html.append("</section>");
	}

	/**
	 * What a connection finding is about, in words.
	 * @param finding a finding
	 * @return escaped HTML, or {@code null} for a finding about a statement
	 */
	static @Nullable String subject(Finding finding) {
		if (finding.details() instanceof Finding.PoolWaitDetails wait) {
			StringBuilder text = new StringBuilder("waited ").append(Charts.format(wait.waitMillis()))
				.append(" ms (longest ")
				.append(Charts.format(wait.maxWaitMillis()))
				.append(" ms) for a connection of ")
				.append(wait.dataSource());
			if (!wait.holders().isEmpty()) {
				text.append("; held by ");
				for (int i = 0; i < wait.holders().size(); i++) {
					Finding.Holder holder = wait.holders().get(i);
					text.append((i > 0) ? ", " : "")
						.append(holder.entrypoint())
						.append(" (")
						.append(holder.borrows())
						.append(")");
				}
			}
			return "<span class=\"subject\">" + Html.escape(text) + "</span>";
		}
		if (finding.details() instanceof Finding.IdleTransactionDetails transaction) {
			return "<span class=\"subject\">" + Html.escape("transaction "
					+ ((transaction.transaction() != null) ? transaction.transaction() : "(no Spring name)") + " held "
					+ Charts.format(transaction.heldMillis()) + " ms, idle " + Charts.format(transaction.idleMillis())
					+ " ms, " + transaction.statements() + " statements") + "</span>";
		}
		if (finding.details() instanceof Finding.LeakDetails leak) {
			return "<span class=\"subject\">"
					+ Html.escape("connection of " + leak.dataSource() + " out "
							+ Charts.format(leak.heldMillis() / 1000) + " s, borrowed on thread " + leak.thread()
							+ (leak.unitEnded() ? ", its unit of work ended" : ", its unit of work still running"))
					+ "</span>";
		}
		return null;
	}

}

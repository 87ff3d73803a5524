package io.github.dbperf.slow;

import java.time.Instant;
import java.util.List;

/**
 * One slow statement execution.
 *
 * @param timestamp when it completed
 * @param id fingerprint id
 * @param sql fingerprint text (never parameter values)
 * @param operation {@code select}, {@code update}, ...
 * @param datasource the DataSource bean name
 * @param elapsedMillis real elapsed time
 * @param rows rows changed as reported by the driver, -1 when unknown
 * @param repository repository interface, or {@code none}
 * @param method repository method, or {@code none}
 * @param entrypoint the unit of work's entry point, or {@code none}
 * @param thread the calling thread
 * @param callSite the first application frame
 * @param plan the execution plan summary when captured, otherwise {@code null}
 * @param rawSql the SQL as sent, literals included: only with
 * {@code dbperf.sql.include-parameters=true}, otherwise {@code null}
 * @param parameters the bound values of a SELECT: only with
 * {@code dbperf.sql.include-parameters=true}, otherwise {@code null}
 * @param traceId the trace the statement ran in, when the application traces, otherwise
 * {@code null}
 * @param spanId the span it ran in, or {@code null}
 */
public record SlowQuery(Instant timestamp, String id, String sql, String operation, String datasource,
		double elapsedMillis, long rows, String repository, String method, String entrypoint, String thread,
		String callSite, String plan, String rawSql, List<String> parameters, String traceId, String spanId) {

	/**
	 * This slow query with a plan summary.
	 * @param plan the summary, or {@code null}
	 * @return a copy
	 */
	public SlowQuery withRows(long rows) {
		return new SlowQuery(this.timestamp, this.id, this.sql, this.operation, this.datasource, this.elapsedMillis,
				rows, this.repository, this.method, this.entrypoint, this.thread, this.callSite, this.plan, this.rawSql,
				this.parameters, this.traceId, this.spanId);
	}

	public SlowQuery withPlan(String plan) {
		return new SlowQuery(this.timestamp, this.id, this.sql, this.operation, this.datasource, this.elapsedMillis,
				this.rows, this.repository, this.method, this.entrypoint, this.thread, this.callSite, plan, this.rawSql,
				this.parameters, this.traceId, this.spanId);
	}

}

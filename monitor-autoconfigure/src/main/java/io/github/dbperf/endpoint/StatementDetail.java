package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.explain.ExecutionPlan;
import io.github.dbperf.findings.Finding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.StatementSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Everything known about one statement ({@code GET /actuator/dbperf/{id}}).
 *
 * @param statement its statistics
 * @param slowQueries its recent slow executions, newest first
 * @param findings findings about it (of every kind)
 * @param plan its latest execution plan when captured ({@code dbperf.explain.enabled}),
 * otherwise {@code null}
 */
public record StatementDetail(StatementSnapshot statement, List<SlowQuery> slowQueries, List<Finding> findings,
		ExecutionPlan plan) implements OperationResponseBody {

}

package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.explain.ExecutionPlan;
import io.github.dbperf.nplusone.NPlusOneFinding;
import io.github.dbperf.slow.SlowQuery;
import io.github.dbperf.statistics.StatementSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Everything known about one statement ({@code GET /actuator/dbperf/{id}}).
 *
 * @param statement its statistics
 * @param slowQueries its recent slow executions, newest first
 * @param nPlusOne N+1 findings in which it is the repeated statement
 * @param plan its latest execution plan when captured ({@code dbperf.explain.enabled}),
 * otherwise {@code null}
 */
public record StatementDetail(StatementSnapshot statement, List<SlowQuery> slowQueries, List<NPlusOneFinding> nPlusOne,
		ExecutionPlan plan)
		implements OperationResponseBody {

}

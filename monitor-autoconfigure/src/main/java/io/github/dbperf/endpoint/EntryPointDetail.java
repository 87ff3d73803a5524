package io.github.dbperf.endpoint;

import java.util.List;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.statistics.EntryPointSnapshot;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * One entry point in detail ({@code GET /actuator/dbperf/entrypoints/{name}}).
 *
 * @param window the span of its figures
 * @param entrypoint its figures, one point a minute and every statement it ran
 * @param findings the findings that name it
 */
public record EntryPointDetail(String window, EntryPointSnapshot entrypoint,
		List<Finding> findings) implements OperationResponseBody {

}

package io.github.dbperf.explain;

import java.time.Instant;
import java.util.List;

/**
 * The execution plan of one statement fingerprint.
 *
 * @param id the fingerprint id
 * @param database the database product that produced it
 * @param summary one line a person can read: the scans and whether an index was used
 * @param outline one line per plan node: operations, tables, indexes and row estimates,
 * never conditions or values
 * @param raw the database's own output, which may contain the bound values: only kept
 * when {@code dbperf.sql.include-parameters=true}, otherwise {@code null}
 * @param capturedAt when it was captured
 */
public record ExecutionPlan(String id, String database, String summary, List<String> outline, String raw,
		Instant capturedAt) {

}

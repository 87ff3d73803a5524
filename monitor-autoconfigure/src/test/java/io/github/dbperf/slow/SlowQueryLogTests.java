package io.github.dbperf.slow;

import java.util.List;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Outcome;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slow-query buffer keeps the last {@code capacity} slow statements, newest first,
 * and gives each its rows.
 */
class SlowQueryLogTests {

	@Test
	void theBufferWrapsAroundKeepingTheNewestAtCapacity() {
		SlowQueryLog log = new SlowQueryLog(3, false, false, new CallSites(List.of("com.example")));
		for (int i = 1; i <= 5; i++) {
			log.accept(slow("select " + "x".repeat(i) + " from t", i));
		}
		log.accept(fast());
		assertThat(log.recent()).extracting(SlowQuery::sql)
			.containsExactly("select xxxxx from t", "select xxxx from t", "select xxx from t");
		assertThat(log.capacity()).isEqualTo(3);
	}

	@Test
	void rowsGoToTheEntryOfTheirExecutionAfterAWrap() {
		SlowQueryLog log = new SlowQueryLog(2, false, false, new CallSites(List.of("com.example")));
		StatementEvent first = slow("select a from t", 1);
		StatementEvent second = slow("select b from t", 2);
		StatementEvent third = slow("select c from t", 3);
		log.accept(first);
		log.accept(second);
		log.accept(third);
		log.rowsRead(second, 7);
		log.rowsRead(first, 9);
		assertThat(log.recent()).extracting(SlowQuery::sql, SlowQuery::rows)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("select c from t", -1L),
					org.assertj.core.groups.Tuple.tuple("select b from t", 7L));
	}

	private static StatementEvent slow(String sql, long timestamp) {
		return event(sql, timestamp, true);
	}

	private static StatementEvent fast() {
		return event("select fast from t", 99, false);
	}

	private static StatementEvent event(String sql, long timestamp, boolean slow) {
		SqlFingerprint fingerprint = SqlFingerprinter.compute(sql);
		return new StatementEvent("dataSource", fingerprint, sql, 1_000_000_000L, 0, -1, Outcome.SUCCESS,
				RepositoryMethod.NONE, RepositoryMethod.NONE, "none", OrmCause.JDBC, slow, 0, List.of(), "main",
				timestamp);
	}

}

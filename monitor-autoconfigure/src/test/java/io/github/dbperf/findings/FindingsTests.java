package io.github.dbperf.findings;

import java.util.List;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.StatementEvents;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsTests {

	private static final SqlFingerprint BOOKS = StatementEvents.fingerprint("select * from book where author_id=?");

	@Test
	void occurrencesOfOneStatementAndEntryPointMergeKeepingWhenItWasFirstSeen() {
		Findings findings = new Findings(10);
		assertThat(findings.add(occurrence("GET /authors", 12))).isTrue();
		Finding first = findings.snapshot().get(0);
		assertThat(findings.add(occurrence("GET /authors", 30))).isFalse();
		Finding merged = findings.snapshot().get(0);
		assertThat(merged.occurrences()).isEqualTo(2);
		assertThat(merged.maxRepetitions()).isEqualTo(30);
		assertThat(merged.firstSeen()).isEqualTo(first.firstSeen());
		assertThat(merged.lastSeen()).isAfterOrEqualTo(first.lastSeen());
		assertThat(findings.add(occurrence("GET /books", 5))).isTrue();
		assertThat(findings.snapshot()).extracting(Finding::entrypoint).containsExactly("GET /authors", "GET /books");
	}

	private static Occurrence occurrence(String entrypoint, int repetitions) {
		return new Occurrence(BOOKS, entrypoint, new RepositoryMethod("AuthorRepository", "findAll"), "Site.java:1",
				repetitions, null, FindingKind.N_PLUS_ONE, null, List.of(), -1);
	}

}

package io.github.dbperf.findings;

import java.util.List;

import io.github.dbperf.attribution.CallSites;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.capture.Outcome;
import io.github.dbperf.capture.SqlFingerprint;
import io.github.dbperf.capture.SqlFingerprinter;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.findings.RepetitionCounter.Occurrence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repetition logic on its own, with statements as Hibernate and Spring Data produce
 * them: no Spring context, no database.
 */
class RepetitionCounterTests {

	private static final RepositoryMethod FIND_ALL = new RepositoryMethod("AuthorRepository", "findAll");

	private static final String AUTHORS = "select a1_0.id,a1_0.name from author a1_0";

	private static final String BOOKS = "select b1_0.author_id,b1_0.id from book b1_0 where b1_0.author_id=?";

	private static final OrmCause BOOKS_LOAD = OrmCause.collectionLoad("Author.books");

	private final RepetitionCounter counter = new RepetitionCounter(5, new CallSites(List.of("io.github.dbperf")));

	@Test
	void aLazyLoadPerRowAtTheThresholdIsAnNPlusOneBlamingTheQueryBefore() {
		this.counter.count(event(AUTHORS, FIND_ALL, OrmCause.QUERY, 0), 0);
		for (int i = 0; i < 5; i++) {
			this.counter.count(event(BOOKS, RepositoryMethod.NONE, BOOKS_LOAD, 0), i);
		}
		assertThat(this.counter.occurrences("GET /authors")).singleElement().satisfies((occurrence) -> {
			assertThat(occurrence.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
			assertThat(occurrence.repetitions()).isEqualTo(5);
			assertThat(occurrence.repositoryMethod()).isEqualTo(FIND_ALL);
			assertThat(occurrence.triggeredBy().sql()).isEqualTo(AUTHORS);
			assertThat(occurrence.entrypoint()).isEqualTo("GET /authors");
			assertThat(occurrence.callSite()).startsWith(RepetitionCounterTests.class.getName());
		});
	}

	@Test
	void oneRepetitionBelowTheThresholdIsNothing() {
		for (int i = 0; i < 4; i++) {
			this.counter.count(event(BOOKS, RepositoryMethod.NONE, BOOKS_LOAD, 0), i);
		}
		assertThat(this.counter.occurrences("GET /authors")).isEmpty();
	}

	@Test
	void theSameParametersEveryTimeIsADuplicateWithItsOwnFix() {
		for (int i = 0; i < 6; i++) {
			this.counter.count(event(BOOKS, FIND_ALL, OrmCause.QUERY, 0), 42);
		}
		Occurrence occurrence = this.counter.occurrences("job").get(0);
		assertThat(occurrence.kind()).isEqualTo(FindingKind.DUPLICATE);
		assertThat(occurrence.repetitions()).isEqualTo(6);
		assertThat(occurrence.suggestions().get(0)).startsWith("Hoist the call out of the loop at ");
	}

	@Test
	void jdbcBatchesInListsAndBatchLoadsAreNoCandidates() {
		assertThat(RepetitionCounter.isCandidate(event(BOOKS, FIND_ALL, OrmCause.QUERY, 0))).isTrue();
		assertThat(RepetitionCounter.isCandidate(event(BOOKS, FIND_ALL, OrmCause.QUERY, 3))).isFalse();
		assertThat(RepetitionCounter.isCandidate(
				event("select b1_0.id from book b1_0 where b1_0.author_id in (?,?,?)", FIND_ALL, OrmCause.QUERY, 0)))
			.isFalse();
		assertThat(RepetitionCounter.isCandidate(event(BOOKS, RepositoryMethod.NONE,
				OrmCause.collectionLoad("Author.books", OrmCause.Loading.BATCH), 0)))
			.isFalse();
		assertThat(
				RepetitionCounter.isCandidate(event("update book set title=? where id=?", FIND_ALL, OrmCause.JDBC, 0)))
			.isFalse();
	}

	@Test
	void batchLoadsOfOneAssociationAreTooSmallAtTwiceTheThreshold() {
		OrmCause batch = OrmCause.collectionLoad("Author.books", OrmCause.Loading.BATCH);
		this.counter.count(event(AUTHORS, FIND_ALL, OrmCause.QUERY, 0), 0);
		for (int i = 0; i < 5 * RepetitionCounter.BATCH_LOADS_FACTOR - 1; i++) {
			this.counter.count(event(BOOKS, RepositoryMethod.NONE, batch, 0), i);
		}
		assertThat(this.counter.occurrences("GET /authors")).isEmpty();
		this.counter.count(event(BOOKS, RepositoryMethod.NONE, batch, 0), 99);
		assertThat(this.counter.occurrences("GET /authors")).singleElement().satisfies((occurrence) -> {
			assertThat(occurrence.kind()).isEqualTo(FindingKind.BATCH_SIZE_TOO_SMALL);
			assertThat(occurrence.repetitions()).isEqualTo(10);
			assertThat(occurrence.repositoryMethod()).isEqualTo(FIND_ALL);
		});
	}

	@Test
	void aLoadNestedInALazyLoadBlamesTheLatestRepositoryMethod() {
		this.counter.count(event(AUTHORS, FIND_ALL, OrmCause.QUERY, 0), 0);
		this.counter.count(event(BOOKS, RepositoryMethod.NONE, BOOKS_LOAD, 0), 1);
		String reviews = "select r1_0.book_id,r1_0.id from review r1_0 where r1_0.book_id=?";
		for (int i = 0; i < 5; i++) {
			this.counter.count(event(reviews, RepositoryMethod.NONE, OrmCause.collectionLoad("Book.reviews"), 0), i);
		}
		assertThat(this.counter.occurrences("GET /authors")).singleElement()
			.satisfies((occurrence) -> assertThat(occurrence.repositoryMethod()).isEqualTo(FIND_ALL));
	}

	private static StatementEvent event(String sql, RepositoryMethod method, OrmCause cause, int batchSize) {
		SqlFingerprint fingerprint = SqlFingerprinter.compute(sql);
		return new StatementEvent("dataSource", fingerprint, sql, 1000, batchSize, -1, Outcome.SUCCESS, method, method,
				"GET /authors", cause, false, 0, List.of(), "main", 0);
	}

}

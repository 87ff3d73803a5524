package io.github.dbperf.findings;

import java.util.List;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.UnitMeters;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's batch loads are never N+1, on every engine: H2 and MariaDB write them as
 * {@code in (?, ...)}, PostgreSQL as {@code = any (?)}; dbperf knows them from
 * Hibernate's own events and mapping. 100 parents, so that batching still runs more
 * statements than the N+1 threshold; with too small a batch for them, an honest
 * {@code BATCH_SIZE_TOO_SMALL}.
 */
class BatchLoadingTests {

	private static final int PARENTS = 100;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void batchesOfSixteenAreNoFindingAtAll(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("spring.jpa.properties.hibernate.default_batch_fetch_size=16",
					"spring.jpa.properties.hibernate.query.in_clause_parameter_padding=true")
			.run((context) -> {
				seed(context);
				loops(context);
				assertThat(findings(context)).isEmpty();
				// 1 query and 7 batch loads each: above the threshold of 5, so the
				// exemption is what kept them out.
				assertThat(UnitMeters.maxStatementsPerUnit(context, "collection")).isEqualTo(1 + 7);
				assertThat(UnitMeters.maxStatementsPerUnit(context, "to-one")).isEqualTo(1 + 7);
			});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void batchesOfFourForAHundredParentsAreTooSmallNotNPlusOne(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("spring.jpa.properties.hibernate.default_batch_fetch_size=4")
			.run((context) -> {
				seed(context);
				loops(context);
				List<Finding> findings = findings(context);
				assertThat(findings).extracting(Finding::kind)
					.containsOnly(FindingKind.BATCH_SIZE_TOO_SMALL)
					.hasSize(2);
				Finding books = find(findings, "collection");
				assertThat(books.association()).isEqualTo("Author.books");
				assertThat(books.mapping()).containsEntry("batchSize", 4);
				assertThat(books.maxRepetitions()).isEqualTo(PARENTS / 4);
				assertThat(books.suggestions().get(0)).contains("batches of 4")
					.contains("97 to 100 parents")
					.contains("@BatchSize(size = 100) on Author.books");
				Finding authors = find(findings, "to-one");
				assertThat(authors.association()).isEqualTo("Book.author");
				assertThat(authors.maxRepetitions()).isEqualTo(PARENTS / 4);
				assertThat(authors.suggestions().get(0)).contains("on the Author entity");
			});
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void withoutBatchingTheLoopsAreNPlusOneNamingTheAssociation(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			seed(context);
			loops(context);
			List<Finding> findings = findings(context);
			assertThat(findings).extracting(Finding::kind).containsOnly(FindingKind.N_PLUS_ONE).hasSize(2);
			assertThat(find(findings, "collection").association()).isEqualTo("Author.books");
			assertThat(find(findings, "collection").maxRepetitions()).isEqualTo(PARENTS);
			assertThat(find(findings, "to-one").association()).isEqualTo("Book.author");
			assertThat(find(findings, "to-one").maxRepetitions()).isEqualTo(PARENTS);
		});
	}

	private static void seed(AssertableApplicationContext context) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		BookRepository books = context.getBean(BookRepository.class);
		for (int i = 0; i < PARENTS; i++) {
			Author author = authors.save(new Author("author" + i));
			books.save(new Book("book" + i, 10, author));
		}
	}

	private static void loops(AssertableApplicationContext context) {
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		try (Scope unit = DbPerf.scope("collection")) {
			List<Integer> counts = transactions.execute((status) -> context.getBean(AuthorRepository.class)
				.findAll()
				.stream()
				.map((author) -> author.getBooks().size())
				.toList());
			assertThat(counts).hasSize(PARENTS).containsOnly(1);
		}
		try (Scope unit = DbPerf.scope("to-one")) {
			List<String> names = transactions.execute((status) -> context.getBean(BookRepository.class)
				.findAll()
				.stream()
				.map((book) -> book.getAuthor().getName())
				.toList());
			assertThat(names).hasSize(PARENTS).doesNotHaveDuplicates();
		}
	}

	private static List<Finding> findings(AssertableApplicationContext context) {
		return context.getBean(Findings.class).snapshot();
	}

	private static Finding find(List<Finding> findings, String entrypoint) {
		return findings.stream().filter((finding) -> finding.entrypoint().equals(entrypoint)).findFirst().orElseThrow();
	}

}

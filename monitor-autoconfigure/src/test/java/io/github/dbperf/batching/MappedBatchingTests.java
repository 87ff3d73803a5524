package io.github.dbperf.batching;

import java.util.List;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.UnitMeters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch and subselect fetching mapped on the association ({@code @BatchSize},
 * {@code @Fetch(SUBSELECT)}) and on the target entity ({@code @BatchSize} on the class),
 * with no global setting: on every engine, 100 parents loaded in batches of 16 are never
 * a finding, though each loop runs more statements than the N+1 threshold.
 */
class MappedBatchingTests {

	private static final int PARENTS = 100;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(BatchingApplication.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"spring.main.web-application-type=none", "dbperf.slow-query.log=false");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void mappedBatchAndSubselectFetchingAreNoFinding(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			seed(context);
			TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
			try (Scope unit = DbPerf.scope("volumes")) {
				assertThat((int) transactions.execute((status) -> context.getBean(LibraryRepository.class)
					.findAll()
					.stream()
					.mapToInt((library) -> library.getVolumes().size())
					.sum())).isEqualTo(PARENTS);
			}
			try (Scope unit = DbPerf.scope("readers")) {
				// Six queries in a loop (a finding of their own), each followed by one
				// subselect load of the
				// readers of every library it returned: the subselects are no second
				// finding.
				int readers = transactions.execute((status) -> {
					int sum = 0;
					for (int i = 1; i <= 6; i++) {
						sum += context.getBean(LibraryRepository.class)
							.findByNameStartingWith("library" + i)
							.stream()
							.mapToInt((library) -> library.getReaders().size())
							.sum();
					}
					return sum;
				});
				assertThat(readers).isEqualTo(6 * 11);
			}
			try (Scope unit = DbPerf.scope("publishers")) {
				List<String> names = transactions.execute((status) -> context.getBean(VolumeRepository.class)
					.findAll()
					.stream()
					.map((volume) -> volume.getPublisher().getName())
					.toList());
				assertThat(names).hasSize(PARENTS).doesNotHaveDuplicates();
			}
			List<Finding> findings = context.getBean(Findings.class).snapshot();
			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.entrypoint()).isEqualTo("readers");
				assertThat(finding.method()).isEqualTo("findByNameStartingWith");
				assertThat(finding.sql()).contains("from library");
			});
			// One query, then 7 batches of 16 (the exemption is what keeps them out: 7 >
			// 5).
			assertThat(UnitMeters.maxStatementsPerUnit(context, "volumes")).isEqualTo(1 + 7);
			assertThat(UnitMeters.maxStatementsPerUnit(context, "publishers")).isEqualTo(1 + 7);
			// Six queries, six subselects.
			assertThat(UnitMeters.maxStatementsPerUnit(context, "readers")).isEqualTo(6 + 6);
		});
	}

	private static void seed(AssertableApplicationContext context) {
		context.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			entityManager.joinTransaction();
			for (int i = 0; i < PARENTS; i++) {
				Library library = new Library("library" + i);
				Publisher publisher = new Publisher("publisher" + i);
				entityManager.persist(library);
				entityManager.persist(publisher);
				entityManager.persist(new Volume(library, publisher));
				entityManager.persist(new Reader(library));
			}
			entityManager.flush();
			entityManager.close();
		});
	}

}

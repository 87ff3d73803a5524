package io.github.dbperf.sample;

import io.github.dbperf.test.ExpectStatements;
import io.github.dbperf.test.RecordedStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How an application pins its statement budgets with {@code dbperf-test}.
 */
@SpringBootTest
class CatalogueStatementBudgetTests {

	@Autowired
	private CatalogueService catalogue;

	@Test
	@ExpectStatements(select = 1)
	void fetchedAuthorListIsOneSelect() {
		this.catalogue.authorsWithBookCountsFetched();
	}

	@Test
	void lazyAuthorListIsAnNPlusOne() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.catalogue.authorsWithBookCountsLazily();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded.stop()).hasNoNPlusOne())
				.withMessageContaining("ran 50 times");
			assertThat(recorded).hasSelectCount(51)
				.hasAtMostStatementsFor("AuthorRepository.findTop50ByOrderByIdAsc", 1);
		}
	}

}

package io.github.dbperf.test;

import io.github.dbperf.test.app.Item;
import io.github.dbperf.test.app.ItemRepository;
import io.github.dbperf.test.app.Shelf;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import io.github.dbperf.orm.MappingKind;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import io.github.dbperf.test.app.JpaSliceTest;
import org.springframework.test.context.ContextConfiguration;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static io.github.dbperf.test.DbPerfAssertions.mappings;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DbPerfAssertions} in a {@code @DataJpaTest}: passing and failing cases.
 */
@JpaSliceTest
@ContextConfiguration(classes = ShelfApplication.class)
class DbPerfAssertionsDataJpaTests {

	@Autowired
	private ShelfRepository shelves;

	@Autowired
	private ItemRepository items;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private ApplicationContext context;

	@Test
	void unbatchedWritesFailFromTheThresholdAndNameTheStatement() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			Shelf shelf = this.shelves.save(new Shelf("a"));
			for (int i = 0; i < 9; i++) {
				this.items.save(new Item("x" + i, shelf));
			}
			assertThat(recorded.stop()).hasNoUnbatchedWrites().hasNoFindings();
		}
		try (RecordedStatements recorded = RecordedStatements.start()) {
			Shelf shelf = this.shelves.save(new Shelf("b"));
			for (int i = 0; i < 10; i++) {
				this.items.save(new Item("y" + i, shelf));
			}
			RecordedStatements stopped = recorded.stop();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(stopped).hasNoUnbatchedWrites())
				.withMessageContaining("10 times outside a batch: insert [ItemRepository.save")
				.withMessageContaining("insert into item");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(stopped).hasNoFindings());
		}
	}

	@Test
	void mappingFindingsPassAndFailByKindAndBySubject() {
		assertThat(mappings(this.context)).hasNone(MappingKind.EAGER_TO_ONE, MappingKind.EAGER_COLLECTION)
			.hasNoneFor("Shelf.items")
			.hasNoneFor("Item.shelf");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(mappings(this.context)).hasNone(MappingKind.IDENTITY_IDS))
			.withMessageContaining("IDENTITY_IDS:Shelf")
			.withMessageContaining("IDENTITY_IDS:Item")
			.withMessageContaining("GenerationType.SEQUENCE");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(mappings(this.context)).hasNoneFor("hibernate.jdbc.batch_size"))
			.withMessageContaining("JDBC_BATCHING_OFF");
	}

	@Test
	void countsPass() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			Shelf shelf = this.shelves.save(new Shelf("a"));
			this.items.save(new Item("x", shelf));
			this.shelves.findByName("a");
			assertThat(recorded.stop()).hasInsertCount(2)
				.hasSelectCount(1)
				.hasStatementCount(3)
				.hasAtMostStatementsFor("ShelfRepository.findByName", 1)
				.hasNoNPlusOne();
		}
	}

	@Test
	void wrongSelectCountFailsListingTheStatements() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.findByName("a");
			this.shelves.findByName("b");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded.stop()).hasSelectCount(1))
				.withMessageContaining("Expected 1 select statement(s) but 2 ran")
				.withMessageContaining("[ShelfRepository.findByName in ")
				.withMessageContaining("at " + DbPerfAssertionsDataJpaTests.class.getName())
				.withMessageContaining("where s1_0.name=?");
		}
	}

	@Test
	void budgetPerRepositoryMethodFails() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.findByName("a");
			this.shelves.findByName("b");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded.stop()).hasAtMostStatementsFor("ShelfRepository.findByName", 1))
				.withMessageContaining("Expected at most 1 statement(s) from ShelfRepository.findByName but 2 ran");
		}
	}

	@Test
	void lazyLoadingLoopFailsNoNPlusOneAndTheFixPasses() {
		for (int i = 0; i < 6; i++) {
			Shelf shelf = this.shelves.save(new Shelf("s" + i));
			this.items.save(new Item("i" + i, shelf));
		}
		this.entityManager.flush();
		this.entityManager.clear();
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.findAll().forEach((shelf) -> shelf.getItems().size());
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded.stop()).hasNoNPlusOne())
				.withMessageContaining("Expected no N+1 queries but found 1")
				.withMessageContaining("ran 6 times")
				.withMessageContaining("from item");
			assertThat(recorded).loaded("Shelf.items").isEqualTo(6);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded).loadedAtMost("Shelf.items", 1))
				.withMessageContaining("Expected Shelf.items to be loaded by at most 1 statement(s) but 6 ran");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(recorded).hasNoFindings());
		}
		this.entityManager.clear();
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.findAllWithItems().forEach((shelf) -> shelf.getItems().size());
			assertThat(recorded.stop()).hasSelectCount(1)
				.hasNoNPlusOne()
				.hasNoFindings()
				.loadedAtMost("Shelf.items", 0);
		}
	}

	@Test
	void largeResultIsAFindingWithItsRows() {
		this.entityManager.createNativeQuery("insert into shelf (name) select 'bulk' || x from system_range(1, 1200)")
			.executeUpdate();
		try (RecordedStatements recorded = RecordedStatements.start()) {
			org.assertj.core.api.Assertions.assertThat(this.shelves.findAll()).hasSizeGreaterThanOrEqualTo(1200);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(recorded.stop()).hasNoFindings())
				.withMessageContaining("Expected no large results (1000 rows or more) but found 1")
				.withMessageContaining("rows: select");
		}
	}

}

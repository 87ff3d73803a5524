package io.github.dbperf.test;

import io.github.dbperf.test.app.Shelf;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@link ExpectStatements} in {@code @SpringBootTest}s: budgets met pass; budgets broken
 * fail with the statements listed (run through the JUnit Platform test kit).
 */
@SpringBootTest(classes = ShelfApplication.class)
class ExpectStatementsTests {

	@Autowired
	private ShelfRepository shelves;

	@BeforeEach
	void statementsBeforeTheTestMethodAreNotCounted() {
		this.shelves.save(new Shelf("before"));
		this.shelves.findByName("before");
	}

	@AfterEach
	void statementsAfterTheTestMethodAreNotCounted() {
		this.shelves.findByName("after");
	}

	@Test
	@ExpectStatements(insert = 1, select = 1, total = 2)
	void budgetMetPasses(RecordedStatements recorded) {
		this.shelves.save(new Shelf("met"));
		this.shelves.findByName("met");
		assertThat(recorded.count()).isEqualTo(2);
	}

	@Test
	void brokenBudgetFailsTheTestWithTheStatementsListed() {
		Events events = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(BrokenBudget.class))
			.execute()
			.testEvents();
		events.assertStatistics((stats) -> stats.started(2).failed(2));
		events.assertThatEvents()
			.haveExactly(1,
					finishedWithFailure(instanceOf(AssertionError.class),
							message((text) -> text.contains("Expected 1 select statement(s) but 3 ran")
									&& text.contains("ShelfRepository.findByName"))))
			.haveExactly(1, finishedWithFailure(instanceOf(AssertionError.class),
					message((text) -> text.contains("Expected no N+1 queries but found 1"))));
	}

	/** Run only through the test kit above (surefire skips nested classes). */
	@SpringBootTest(classes = ShelfApplication.class)
	static class BrokenBudget {

		@Autowired
		private ShelfRepository shelves;

		@Test
		@ExpectStatements(select = 1)
		void threeSelectsAgainstABudgetOfOne() {
			this.shelves.findByName("a");
			this.shelves.findByName("b");
			this.shelves.findByName("c");
		}

		@Test
		@ExpectStatements
		void aLoopOfSelects() {
			for (int i = 0; i < 5; i++) {
				this.shelves.findByName("loop" + i);
			}
		}

	}

}

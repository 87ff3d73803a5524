package io.github.dbperf.test;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.dbperf.test.app.JpaSliceTest;
import io.github.dbperf.test.app.ShelfApplication;
import io.github.dbperf.test.app.ShelfRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.github.dbperf.test.DbPerfAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connection assertions in a {@code @DataJpaTest} whose methods run outside the test's
 * transaction, so that each repository call borrows its own connection: passing and
 * failing cases.
 */
@JpaSliceTest
@ContextConfiguration(classes = ShelfApplication.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ConnectionAssertionsDataJpaTests {

	@Autowired
	private ShelfRepository shelves;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private ApplicationContext context;

	@Test
	void connectionsAreCountedPerBorrow() {
		try (RecordedStatements recorded = RecordedStatements.start(this.context)) {
			// Reads only: this class runs outside the test transaction, so a write would
			// stay
			// in the context's database for the other test classes.
			this.shelves.findByName("a");
			this.shelves.count();
			RecordedStatements stopped = recorded.stop();
			assertThat(stopped).connectionsAtMost(2).hasNoConnectionLeak();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(stopped).connectionsAtMost(1))
				.withMessageContaining("at most 1 connections borrowed but the test borrowed 2");
		}
	}

	@Test
	void aConnectionStillOutAtTheEndIsALeak() throws Exception {
		Connection leaked;
		try (RecordedStatements recorded = RecordedStatements.start(this.context)) {
			leaked = this.dataSource.getConnection();
			RecordedStatements stopped = recorded.stop();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(stopped).hasNoConnectionLeak())
				.withMessageContaining("1 still out")
				.withMessageContaining("borrowed by")
				.withMessageContaining("after 0 statements");
		}
		leaked.close();
		try (RecordedStatements recorded = RecordedStatements.start(this.context)) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.isValid(1);
			}
			assertThat(recorded.stop()).hasNoConnectionLeak().connectionsAtMost(1);
		}
	}

	@Test
	void aTransactionThatHeldItsConnectionWhileItWaitedIsIdle() {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		try (RecordedStatements recorded = RecordedStatements.start(this.context)) {
			transaction.executeWithoutResult((status) -> {
				this.shelves.count();
				pause();
			});
			RecordedStatements stopped = recorded.stop();
			// Idle for 300 ms at least, with one small query: held 50 ms, idle half.
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(stopped).hasNoIdleInTransaction(Duration.ofMillis(50)))
				.withMessageContaining("found 1")
				.withMessageContaining("1 statements");
			assertThat(stopped).hasNoIdleInTransaction(Duration.ofHours(1));
		}
	}

	@Test
	void connectionsAreRecordedFromOneContextOnly() {
		try (RecordedStatements recorded = RecordedStatements.start()) {
			this.shelves.count();
			RecordedStatements stopped = recorded.stop();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(stopped).connectionsAtMost(5))
				.withMessageContaining("RecordedStatements.start(context)");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

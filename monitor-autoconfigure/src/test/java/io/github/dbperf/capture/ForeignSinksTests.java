package io.github.dbperf.capture;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dbperf.attribution.RepositoryMethod;
import io.github.dbperf.internal.InternalFailures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application sink that falls behind holds at most a bounded number of bytes of SQL:
 * large statements are dropped and counted long before the count bound is reached.
 */
class ForeignSinksTests {

	@Test
	void waitingEventsAreBoundedByTheBytesOfSqlTheyHold() throws Exception {
		InternalFailures failures = new InternalFailures();
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger delivered = new AtomicInteger();
		StatementSink blocking = (event) -> {
			entered.countDown();
			await(release);
			delivered.incrementAndGet();
		};
		try (ForeignSinks foreign = new ForeignSinks(failures)) {
			StatementSink isolated = foreign.isolate(blocking);
			// One megabyte of SQL text is two megabytes of chars: eight fill the 16 MiB
			// budget.
			String oneMegabyte = "select '" + "x".repeat(1024 * 1024) + "'";
			StatementEvent huge = new StatementEvent("dataSource", SqlFingerprinter.compute("select ?"), oneMegabyte, 1,
					0, -1, Outcome.SUCCESS, RepositoryMethod.NONE, RepositoryMethod.NONE, "none",
					io.github.dbperf.attribution.OrmCause.JDBC, false, 0, java.util.List.of(), "main", 0);
			isolated.accept(huge);
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < 100; i++) {
				isolated.accept(huge);
			}
			// The one in the sink plus those within the byte budget wait; the rest were
			// dropped.
			long kept = ForeignSinks.QUEUE_BYTES / (2L * (oneMegabyte.length() + "select ?".length()));
			assertThat(failures.count()).isEqualTo(101 - kept);
			assertThat(kept).isLessThan(ForeignSinks.QUEUE_CAPACITY);
			release.countDown();
			org.awaitility.Awaitility.await().until(() -> delivered.get() == kept);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

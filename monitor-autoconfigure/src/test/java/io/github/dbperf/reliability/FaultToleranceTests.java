package io.github.dbperf.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.StatementSink;
import io.github.dbperf.internal.InternalFailures;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sink that throws or blocks never fails, delays or changes the application's
 * statements; failures are counted in {@code dbperf.errors} and logged once.
 */
class FaultToleranceTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues(Engine.H2.dataSourceProperties());

	@Test
	void throwingSinkIsCountedAndLoggedOnce() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger logger = (Logger) LoggerFactory.getLogger(InternalFailures.class);
		logger.addAppender(appender);
		try {
			this.contextRunner.withUserConfiguration(ThrowingSinkConfiguration.class).run((context) -> {
				AuthorRepository authors = context.getBean(AuthorRepository.class);
				InternalFailures failures = context.getBean(InternalFailures.class);
				long before = failures.count();
				Author saved = authors.save(new Author("Okorafor"));
				for (int i = 0; i < 5; i++) {
					assertThat(authors.findById(saved.getId())).get().extracting(Author::getName).isEqualTo("Okorafor");
				}
				ThrowingSink sink = context.getBean(ThrowingSink.class);
				org.awaitility.Awaitility.await().until(() -> sink.calls.get() >= 6);
				org.awaitility.Awaitility.await().until(() -> failures.count() >= before + 6);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dbperf.errors").functionCounter().count()).isGreaterThanOrEqualTo(before + 6);
				// dbperf's own sinks still saw every statement.
				assertThat(context.getBean(StatementStatistics.class).top(StatementOrder.CALLS, 1).get(0).calls())
					.isEqualTo(5);
			});
			assertThat(appender.list).filteredOn((line) -> line.getFormattedMessage().contains("ThrowingSink"))
				.hasSize(1);
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	@Timeout(30)
	void blockingSinkDoesNotDelayTheApplication() {
		this.contextRunner.withUserConfiguration(BlockingSinkConfiguration.class).run((context) -> {
			BlockingSink sink = context.getBean(BlockingSink.class);
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			try {
				Author saved = authors.save(new Author("Liu"));
				// The sink's thread is now held inside the sink, and stays held until the
				// end.
				assertThat(sink.entered.await(10, TimeUnit.SECONDS)).isTrue();
				for (int i = 0; i < 20; i++) {
					assertThat(authors.findById(saved.getId())).isPresent();
				}
				// All 20 calls returned while the sink was still blocked: none waited for
				// it (a sink on the
				// caller's thread would have blocked the first call until the timeout
				// fails the test).
				assertThat(sink.entered.getCount()).isZero();
				assertThat(sink.accepted.get()).isOne();
			}
			finally {
				sink.release.countDown();
			}
		});
	}

	static class ThrowingSink implements StatementSink {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public void accept(StatementEvent event) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("injected fault");
		}

	}

	static class BlockingSink implements StatementSink {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger accepted = new AtomicInteger();

		@Override
		public void accept(StatementEvent event) {
			this.accepted.incrementAndGet();
			this.entered.countDown();
			try {
				// Held until the test ends: on the caller's thread this would hang the
				// application's call.
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingSinkConfiguration {

		@Bean
		ThrowingSink throwingSink() {
			return new ThrowingSink();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingSinkConfiguration {

		@Bean
		BlockingSink blockingSink() {
			return new BlockingSink();
		}

	}

}

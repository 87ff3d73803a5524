package io.github.dbperf.slow;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.SleepingImpl;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statement that is really slow inside each real engine is recorded with its real
 * elapsed time, its attribution and its call site, counted, and logged on the caller's
 * thread.
 */
class SlowQueriesOnEnginesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES)
		.withPropertyValues("dbperf.slow-query.threshold=200ms");

	@ParameterizedTest
	@EnumSource(Engine.class)
	void slowStatementIsRecordedAttributedCountedAndLogged(Engine engine) {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger logger = (Logger) LoggerFactory.getLogger(SlowQueryLog.class);
		logger.addAppender(appender);
		try {
			this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
				AuthorRepository authors = context.getBean(AuthorRepository.class);
				authors.findById(1L);
				MDC.put("traceId", "trace-42");
				try {
					authors.sleep(300);
				}
				finally {
					MDC.remove("traceId");
				}

				// Only the sleep: on a busy engine a schema statement can be slow too,
				// and is not this test's.
				List<SlowQuery> slow = context.getBean(SlowQueryLog.class)
					.recent()
					.stream()
					.filter((query) -> "sleep".equals(query.method()))
					.toList();
				assertThat(slow).hasSize(1);
				SlowQuery query = slow.get(0);
				assertThat(query.elapsedMillis()).isGreaterThanOrEqualTo(290.0);
				assertThat(query.repository()).isEqualTo("AuthorRepository");
				assertThat(query.method()).isEqualTo("sleep");
				assertThat(query.operation()).isEqualTo("select");
				assertThat(query.sql()).contains("sleep(?)").doesNotContain("300").doesNotContain("0.3");
				// The first application frame: the repository fragment that issued the
				// SQL.
				assertThat(query.callSite()).startsWith(SleepingImpl.class.getName() + ".sleep(SleepingImpl.java:");
				assertThat(query.thread()).isEqualTo(Thread.currentThread().getName());

				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("dbperf.statements.slow")
					.tag("repository", "AuthorRepository")
					.tag("method", "sleep")
					.tag("operation", "select")
					.counter()
					.count()).isEqualTo(1.0);
				assertThat(registry.find("dbperf.statements.slow").tag("method", "findById").counter()).isNull();

				List<ILoggingEvent> lines = appender.list.stream()
					.filter((event) -> event.getFormattedMessage().contains("AuthorRepository.sleep"))
					.toList();
				assertThat(lines).hasSize(1);
				ILoggingEvent line = lines.get(0);
				assertThat(line.getLevel()).hasToString("WARN");
				assertThat(line.getThreadName()).isEqualTo(Thread.currentThread().getName());
				assertThat(line.getMDCPropertyMap()).containsEntry("traceId", "trace-42");
				assertThat(line.getFormattedMessage()).contains("AuthorRepository.sleep")
					.contains(query.id())
					.contains(query.callSite())
					.doesNotContain("0.3)");
			});
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void statementsBelowTheThresholdAreNotSlow(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties())
			.withPropertyValues("dbperf.slow-query.threshold=10s")
			.run((context) -> {
				AuthorRepository authors = context.getBean(AuthorRepository.class);
				authors.save(new Author("x"));
				authors.sleep(100);
				assertThat(context.getBean(SlowQueryLog.class).recent()).isEmpty();
				assertThat(context.getBean(MeterRegistry.class).find("dbperf.statements.slow").counter()).isNull();
			});
	}

	@Test
	void slowStatementsAreRecordedButNotLoggedWhenLoggingIsOff() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Logger logger = (Logger) LoggerFactory.getLogger(SlowQueryLog.class);
		logger.addAppender(appender);
		try {
			this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
				.withPropertyValues("dbperf.slow-query.threshold=50ms", "dbperf.slow-query.log=false")
				.run((context) -> {
					context.getBean(AuthorRepository.class).sleep(100);
					assertThat(context.getBean(SlowQueryLog.class).recent())
						.anySatisfy((query) -> assertThat(query.method()).isEqualTo("sleep"));
					assertThat(appender.list).isEmpty();
				});
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}

package io.github.dbperf.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;
import io.github.dbperf.attribution.OrmCause;
import io.github.dbperf.attribution.UnitOfWork;
import io.github.dbperf.capture.StatementEvent;
import io.github.dbperf.capture.StatementRecorders;
import io.github.dbperf.capture.WallClock;
import io.github.dbperf.findings.NPlusOneException;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.statistics.MinuteTicker;
import io.github.dbperf.statistics.StatementOrder;
import io.github.dbperf.statistics.StatementSnapshot;
import io.github.dbperf.statistics.StatementStatistics;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application contexts alive in one JVM, as Spring's test context cache keeps them:
 * each sees only its own statements and findings, and closing one leaves the other whole.
 */
class TwoContextsTests {

	@Test
	void eachContextSeesOnlyItsOwnStatementsAndFindings() {
		try (ConfigurableApplicationContext strict = start("strict", "dbperf.n-plus-one.mode=strict");
				ConfigurableApplicationContext report = start("report", "dbperf.n-plus-one.mode=report")) {
			strict.getBean(AuthorRepository.class).save(new Author("only-in-strict"));
			for (int i = 0; i < 3; i++) {
				report.getBean(AuthorRepository.class).findByName("only-in-report");
			}
			assertThat(sqlOf(strict)).anyMatch((sql) -> sql.startsWith("insert into author"))
				.noneMatch((sql) -> sql.contains("where a1_0.name=?"));
			assertThat(sqlOf(report)).anyMatch((sql) -> sql.contains("where a1_0.name=?"))
				.noneMatch((sql) -> sql.startsWith("insert into author"));

			// A loop in the report context is a finding there, and none in the strict
			// one.
			try (Scope unit = DbPerf.scope("report-loop")) {
				loop(report);
			}
			assertThat(report.getBean(Findings.class).snapshot()).hasSize(1);
			assertThat(strict.getBean(Findings.class).snapshot()).isEmpty();

			// Closing the report context leaves the strict one's strict mode in force.
			report.close();
			assertThatExceptionOfType(NPlusOneException.class).isThrownBy(() -> {
				try (Scope unit = DbPerf.scope("strict-loop")) {
					loop(strict);
				}
			});
			assertThat(strict.getBean(Findings.class).snapshot()).hasSize(1);
		}
	}

	@Test
	void statementsBeforeReadyAreStartupInEveryContextWhateverTheOrder() {
		try (ConfigurableApplicationContext first = start("first")) {
			first.getBean(AuthorRepository.class).findByName("after-ready");
			try (ConfigurableApplicationContext second = start("second")) {
				// The schema of each context was created before it was ready: startup in
				// both.
				assertThat(entrypointsOfDdl(first)).containsOnly(UnitOfWork.STARTUP);
				assertThat(entrypointsOfDdl(second)).containsOnly(UnitOfWork.STARTUP);
			}
			// A context closed and a new one started: the new one starts with startup
			// again.
			try (ConfigurableApplicationContext third = start("third")) {
				assertThat(entrypointsOfDdl(third)).containsOnly(UnitOfWork.STARTUP);
				third.getBean(AuthorRepository.class).findByName("third");
				assertThat(third.getBean(StatementStatistics.class).top(StatementOrder.CALLS, 100))
					.filteredOn((statement) -> statement.sql().contains("where a1_0.name=?"))
					.singleElement()
					.satisfies((statement) -> assertThat(statement.calls()).isEqualTo(1));
			}
		}
	}

	@Test
	void eachContextHasItsOwnRecordersWallClockAndOrmCauses() {
		Instant yearAhead = Instant.now().plus(Duration.ofDays(365));
		try (ConfigurableApplicationContext ahead = start(new Class<?>[] { TestApplication.class, AheadClock.class },
				"ahead", "spring.jpa.properties.hibernate.default_batch_fetch_size=10");
				ConfigurableApplicationContext now = start("now")) {
			List<StatementEvent> aheadEvents = record(ahead);
			List<StatementEvent> nowEvents = record(now);
			long before = System.currentTimeMillis();
			loadBooksOfEveryAuthor(ahead);
			loadBooksOfEveryAuthor(now);
			// Each context's recording holds its own statements only, dated by its own
			// clock, before and after its minute ticker anchors it again.
			assertThat(aheadEvents).isNotEmpty();
			assertThat(nowEvents).isNotEmpty();
			ahead.getBean(MinuteTicker.class).advance(1);
			loadBooksOfEveryAuthor(ahead);
			assertThat(aheadEvents).allMatch((event) -> event.timestamp() >= yearAhead.toEpochMilli());
			assertThat(nowEvents)
				.allMatch((event) -> event.timestamp() >= before && event.timestamp() < yearAhead.toEpochMilli());
			// ORM causes: the same association is loaded in batches in one context and a
			// key at a time in the other, as each one's mapping says.
			assertThat(causesOf(aheadEvents)).contains(OrmCause.collectionLoad("Author.books", OrmCause.Loading.BATCH))
				.doesNotContain(OrmCause.collectionLoad("Author.books"));
			assertThat(causesOf(nowEvents)).contains(OrmCause.collectionLoad("Author.books"))
				.doesNotContain(OrmCause.collectionLoad("Author.books", OrmCause.Loading.BATCH));
		}
	}

	/** Three authors with a book each, then every author's books in one transaction. */
	private static void loadBooksOfEveryAuthor(ConfigurableApplicationContext context) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		BookRepository books = context.getBean(BookRepository.class);
		for (int i = 0; i < 3; i++) {
			Author author = authors.save(new Author("author" + i));
			books.save(new Book("book" + i, 10, author));
		}
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> authors.findAll().forEach((author) -> author.getBooks().size()));
	}

	private static List<StatementEvent> record(ConfigurableApplicationContext context) {
		List<StatementEvent> events = new CopyOnWriteArrayList<>();
		context.getBean(StatementRecorders.class).add(events::add);
		return events;
	}

	private static Set<OrmCause> causesOf(List<StatementEvent> events) {
		return events.stream().map(StatementEvent::cause).collect(Collectors.toSet());
	}

	/** A wall clock a year ahead of the system's. */
	@Configuration(proxyBeanMethods = false)
	static class AheadClock {

		@Bean
		WallClock aheadWallClock() {
			return new WallClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(366)));
		}

	}

	private static void loop(ConfigurableApplicationContext context) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		for (int i = 0; i < 5; i++) {
			authors.findByName("loop" + i);
		}
	}

	private static List<String> sqlOf(ConfigurableApplicationContext context) {
		return context.getBean(StatementStatistics.class)
			.top(StatementOrder.CALLS, 1000)
			.stream()
			.map(StatementSnapshot::sql)
			.toList();
	}

	private static List<String> entrypointsOfDdl(ConfigurableApplicationContext context) {
		// The schema's statements, as dbperf's statistics attribute them.
		return context.getBean(StatementStatistics.class)
			.top(StatementOrder.CALLS, 1000)
			.stream()
			.filter((statement) -> statement.sql().startsWith("create table"))
			.flatMap((statement) -> statement.entrypoints().stream())
			.toList();
	}

	private static ConfigurableApplicationContext start(String name, String... properties) {
		return start(new Class<?>[] { TestApplication.class }, name, properties);
	}

	private static ConfigurableApplicationContext start(Class<?>[] sources, String name, String... properties) {
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.properties(TestApplication.JPA_PROPERTIES)
			.properties("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "spring.jmx.enabled=false")
			.properties(properties)
			.run();
	}

}

package io.github.dbperf.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.dbperf.DbPerf;
import io.github.dbperf.Scope;

import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * N+1 detection per unit of work through real Spring Data repositories.
 */
class NPlusOneDetectionTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(TestApplication.class)
		.withPropertyValues(TestApplication.JPA_PROPERTIES);

	@ParameterizedTest
	@EnumSource(Engine.class)
	void lazyLoadingInALoopIsAFindingWithItsTrigger(Engine engine) {
		this.contextRunner.withPropertyValues(engine.dataSourceProperties()).run((context) -> {
			seed(context, 6);
			try (Scope unit = DbPerf.scope("list-authors")) {
				bookCountsLazily(context);
			}
			List<Finding> findings = context.getBean(Findings.class).snapshot();
			assertThat(findings).hasSize(1);
			Finding finding = findings.get(0);
			assertThat(finding.kind()).isEqualTo(FindingKind.N_PLUS_ONE);
			assertThat(finding.entrypoint()).isEqualTo("list-authors");
			assertThat(finding.sql()).contains("from book").contains("author_id=?");
			assertThat(finding.maxRepetitions()).isEqualTo(6);
			assertThat(finding.occurrences()).isEqualTo(1);
			assertThat(finding.repository()).isEqualTo("AuthorRepository");
			assertThat(finding.method()).isEqualTo("findAll");
			assertThat(finding.callSite()).contains(NPlusOneDetectionTests.class.getSimpleName());
			// The statement before the loop: the authors' query that findAll ran.
			assertThat(finding.triggeredBySql()).startsWith("select").contains("from author");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("dbperf.nplusone")
				.tag("entrypoint", "list-authors")
				.tag("repository", "AuthorRepository")
				.tag("method", "findAll")
				.counter()
				.count()).isEqualTo(1.0);
			assertThat(registry.get("dbperf.unit.statements").tag("entrypoint", "list-authors").summary().totalAmount())
				.isEqualTo(7);
		});
	}

	@Test
	void thresholdBoundaryFourIsNotAFindingFiveIs() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			try (Scope unit = DbPerf.scope("four")) {
				for (int i = 0; i < 4; i++) {
					authors.findByName("n" + i);
				}
			}
			assertThat(context.getBean(Findings.class).snapshot()).isEmpty();
			try (Scope unit = DbPerf.scope("five")) {
				for (int i = 0; i < 5; i++) {
					authors.findByName("n" + i);
				}
			}
			assertThat(context.getBean(Findings.class).snapshot()).singleElement().satisfies((finding) -> {
				assertThat(finding.entrypoint()).isEqualTo("five");
				assertThat(finding.maxRepetitions()).isEqualTo(5);
				assertThat(finding.method()).isEqualTo("findByName");
			});
		});
	}

	@Test
	void sameRowLoadedAgainIsADuplicateNotAnNPlusOne() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			try (Scope unit = DbPerf.scope("reload")) {
				for (int i = 0; i < 5; i++) {
					authors.findByName("same");
				}
			}
			assertThat(context.getBean(Findings.class).snapshot()).singleElement()
				.satisfies((finding) -> assertThat(finding.kind()).isEqualTo(FindingKind.DUPLICATE));
		});
	}

	@Test
	void unitsOnConcurrentThreadsDoNotMix() throws Exception {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			AuthorRepository authors = context.getBean(AuthorRepository.class);
			ExecutorService executor = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int round = 0; round < 50; round++) {
						try (Scope unit = DbPerf.scope("worker")) {
							// 3 per unit: below the threshold, though 6 run at once
							for (int i = 0; i < 3; i++) {
								authors.findByName("w" + i);
							}
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
			executor.shutdown();
			assertThat(context.getBean(Findings.class).snapshot()).isEmpty();
			assertThat(context.getBean(MeterRegistry.class)
				.get("dbperf.unit.statements")
				.tag("entrypoint", "worker")
				.summary()
				.max()).isEqualTo(3);
		});
	}

	@Test
	void withoutAnyUnitTheOutermostRepositoryCallIsTheUnit() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties()).run((context) -> {
			context.getBean(AuthorRepository.class).findByName("x");
			assertThat(context.getBean(MeterRegistry.class)
				.get("dbperf.unit.statements")
				.tag("entrypoint", "AuthorRepository.findByName")
				.summary()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void strictModeFailsTheUnitNamingStatementAndCallSite() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.n-plus-one.mode=strict")
			.run((context) -> {
				seed(context, 5);
				Scope unit = DbPerf.scope("strict-page");
				bookCountsLazily(context);
				assertThatExceptionOfType(NPlusOneException.class).isThrownBy(unit::close)
					.withMessageContaining("dbperf.n-plus-one.mode=strict")
					.withMessageContaining("ran 5 times in 'strict-page'")
					.withMessageContaining("from book")
					.withMessageContaining(NPlusOneDetectionTests.class.getName() + ".lambda$bookCountsLazily");
			});
	}

	@Test
	void offModeHasNoDetector() {
		this.contextRunner.withPropertyValues(Engine.H2.dataSourceProperties())
			.withPropertyValues("dbperf.n-plus-one.mode=off")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NPlusOneDetector.class);
				seed(context, 6);
				try (Scope unit = DbPerf.scope("off")) {
					bookCountsLazily(context);
				}
				assertThat(context.getBean(Findings.class).snapshot()).isEmpty();
			});
	}

	@Test
	void bareOffInApplicationYamlHasNoDetector() {
		// YAML reads a bare off as the boolean false.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties(TestApplication.JPA_PROPERTIES)
			.properties(Engine.H2.dataSourceProperties())
			.properties("spring.config.additional-location=classpath:yaml/nplusone-off.yml")
			.run()) {
			assertThat(context.getEnvironment().getProperty("dbperf.n-plus-one.mode")).isEqualTo("false");
			assertThat(context.getBeanNamesForType(NPlusOneDetector.class)).isEmpty();
			assertThat(context.getBeanNamesForType(Findings.class)).hasSize(1);
		}
	}

	private static void seed(AssertableApplicationContext context, int authorCount) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		BookRepository books = context.getBean(BookRepository.class);
		for (int i = 0; i < authorCount; i++) {
			Author author = authors.save(new Author("author" + i));
			books.save(new Book("book" + i, 10, author));
		}
	}

	private static List<Integer> bookCountsLazily(AssertableApplicationContext context) {
		AuthorRepository authors = context.getBean(AuthorRepository.class);
		return context.getBean(TransactionTemplate.class)
			.execute((status) -> authors.findAll().stream().map((author) -> author.getBooks().size()).toList());
	}

}

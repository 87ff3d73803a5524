package io.github.dbperf.attribution;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dbperf.findings.Finding;
import io.github.dbperf.findings.Findings;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP requests and {@code @Scheduled} runs are units of work on a real server.
 */
class UnitsOfWorkWebTests {

	@Test
	void aThousandDistinctUrisOfOneRouteGiveOneEntrypoint() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			for (int id = 1; id <= 1000; id++) {
				assertThat(app.get("/authors/" + id).statusCode()).isEqualTo(200);
			}
			assertThat(app.get("/no/such/page").statusCode()).isEqualTo(404);
			MeterRegistry registry = app.bean(MeterRegistry.class);
			// A request's unit ends after its response is sent: wait for the last one to
			// end.
			awaitCount(registry, "GET /authors/{id}", 1000);
			List<DistributionSummary> units = registry.find("dbperf.unit.statements")
				.summaries()
				.stream()
				.filter((summary) -> summary.getId().getTag("entrypoint").startsWith("GET /authors"))
				.toList();
			assertThat(units).singleElement().satisfies((summary) -> {
				assertThat(summary.getId().getTag("entrypoint")).isEqualTo("GET /authors/{id}");
				assertThat(summary.count()).isEqualTo(1000);
				assertThat(summary.totalAmount()).isEqualTo(1000);
			});
			assertThat(registry.find("dbperf.statements").tag("method", "findById").timers()).hasSize(1);
		}
	}

	@Test
	void lazyLoadingDuringARequestIsFlaggedUnderItsRoute() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2)) {
			AuthorRepository authors = app.bean(AuthorRepository.class);
			BookRepository books = app.bean(BookRepository.class);
			for (int i = 0; i < 7; i++) {
				Author author = authors.save(new Author("a" + i));
				books.save(new Book("b" + i, 1, author));
			}
			assertThat(app.get("/authors").statusCode()).isEqualTo(200);
			List<Finding> findings = app.bean(Findings.class).snapshot();
			assertThat(findings).singleElement().satisfies((finding) -> {
				assertThat(finding.entrypoint()).isEqualTo("GET /authors");
				assertThat(finding.maxRepetitions()).isEqualTo(7);
				assertThat(finding.repository()).isEqualTo("AuthorRepository");
				assertThat(finding.method()).isEqualTo("findAll");
			});
			String report = app.get("/actuator/dbperf").body();
			assertThat(report).contains("\"entrypoint\":\"GET /authors\"").contains("\"maxRepetitions\":7");
		}
	}

	@Test
	void scheduledRunIsAUnitOfWork() throws Exception {
		try (RunningApplication app = RunningApplication.start(Engine.H2,
				"spring.main.sources=" + ScheduledLoader.class.getName())) {
			ScheduledLoader loader = app.bean(ScheduledLoader.class);
			await().until(() -> loader.runs.get() >= 1);
			await().untilAsserted(() -> assertThat(app.bean(Findings.class).snapshot())
				.anySatisfy((finding) -> assertThat(finding.entrypoint()).isEqualTo("scheduled ScheduledLoader.load")));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledLoader {

		final AtomicInteger runs = new AtomicInteger();

		private final AuthorRepository authors;

		ScheduledLoader(AuthorRepository authors) {
			this.authors = authors;
		}

		@Scheduled(fixedDelay = 200)
		void load() {
			for (int i = 0; i < 6; i++) {
				this.authors.findByName("scheduled" + i);
			}
			this.runs.incrementAndGet();
		}

	}

	private static void awaitCount(MeterRegistry registry, String entrypoint, long count) throws InterruptedException {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			DistributionSummary summary = registry.find("dbperf.unit.statements")
				.tag("entrypoint", entrypoint)
				.summary();
			if (summary != null && summary.count() >= count) {
				return;
			}
			Thread.sleep(5);
		}
	}

}

package io.github.dbperf.findings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dbperf.testapp.Author;
import io.github.dbperf.testapp.AuthorRepository;
import io.github.dbperf.testapp.Book;
import io.github.dbperf.testapp.BookRepository;
import io.github.dbperf.testapp.Engine;
import io.github.dbperf.testapp.RunningApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Findings of real requests, read back over HTTP: the same lookup repeated with the same
 * value is a {@code DUPLICATE} with the fix for it, and a lazy collection read while
 * Jackson writes the response body is a {@code LOAD_AFTER_RESPONSE}; its twin that reads
 * the collection before returning has none.
 */
class ResponseFindingsWebTests {

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@EnumSource(value = Engine.class, names = { "H2", "POSTGRES" })
	void duplicatesAndLoadsWhileTheBodyIsWrittenAreReportedWithTheirFix(Engine engine) throws Exception {
		// Open session in view, Boot's default, which the test application turns off.
		try (RunningApplication app = RunningApplication.start(engine, "spring.main.sources=" + Pages.class.getName(),
				"spring.jpa.open-in-view=true")) {
			Author author = app.bean(AuthorRepository.class).save(new Author("Butler"));
			app.bean(BookRepository.class).save(new Book("Kindred", 10, author));
			app.bean(BookRepository.class).save(new Book("Dawn", 12, author));

			assertThat(app.get("/lookups/6").statusCode()).isEqualTo(200);
			assertThat(app.get("/shelves/" + author.getId()).body()).isEqualTo("{\"titles\":[\"Kindred\",\"Dawn\"]}");
			assertThat(app.get("/shelves/" + author.getId() + "/loaded").body())
				.isEqualTo("{\"titles\":[\"Kindred\",\"Dawn\"]}");
			// Units of work end after their response: wait for the last one.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> report(app).get("entrypoints")
					.findValuesAsText("name")
					.contains("GET /shelves/{id}/loaded"));

			JsonNode findings = report(app).get("findings");
			JsonNode duplicate = only(findings, "GET /lookups/{times}");
			assertThat(duplicate.get("kind").asText()).isEqualTo("DUPLICATE");
			assertThat(duplicate.get("maxRepetitions").asInt()).isEqualTo(6);
			assertThat(duplicate.get("repository").asText() + "." + duplicate.get("method").asText())
				.isEqualTo("AuthorRepository.findByName");
			assertThat(duplicate.get("callSite").asText()).startsWith(Pages.Controller.class.getName() + ".lookUp(");
			assertThat(duplicate.at("/suggestions/0").asText())
				.startsWith("Hoist the call out of the loop at " + Pages.Controller.class.getName() + ".lookUp(");

			JsonNode late = only(findings, "GET /shelves/{id}");
			assertThat(late.get("kind").asText()).isEqualTo("LOAD_AFTER_RESPONSE");
			assertThat(late.get("association").asText()).isEqualTo("Author.books");
			assertThat(late.get("callSite").asText()).startsWith(Pages.Shelf.class.getName() + ".getTitles(");
			assertThat(late.at("/suggestions/1").asText()).contains("spring.jpa.open-in-view=false");

			assertThat(findings.findValuesAsText("entrypoint")).doesNotContain("GET /shelves/{id}/loaded");
		}
	}

	private JsonNode report(RunningApplication app) throws Exception {
		return this.json.readTree(app.get("/actuator/dbperf").body());
	}

	private static JsonNode only(JsonNode findings, String entrypoint) {
		List<JsonNode> of = new ArrayList<>();
		findings.forEach((finding) -> {
			if (finding.get("entrypoint").asText().equals(entrypoint)) {
				of.add(finding);
			}
		});
		assertThat(of).as("findings of %s in %s", entrypoint, findings).hasSize(1);
		return of.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class Pages {

		/**
		 * What the pages answer: Jackson reads {@code titles} while it writes the body.
		 */
		public static class Shelf {

			private final Author author;

			private final List<String> titles;

			Shelf(Author author, List<String> titles) {
				this.author = author;
				this.titles = titles;
			}

			public List<String> getTitles() {
				return (this.titles != null) ? this.titles
						: this.author.getBooks().stream().map(Book::getTitle).toList();
			}

		}

		/** Registered as a member class of the configuration. */
		@RestController
		static class Controller {

			private final AuthorRepository authors;

			Controller(AuthorRepository authors) {
				this.authors = authors;
			}

			@GetMapping("/lookups/{times}")
			int lookUp(@PathVariable int times) {
				int found = 0;
				for (int i = 0; i < times; i++) {
					found += this.authors.findByName("Butler").size();
				}
				return found;
			}

			@GetMapping("/shelves/{id}")
			Shelf shelf(@PathVariable long id) {
				// Open session in view keeps the session for the body.
				return new Shelf(this.authors.findById(id).orElseThrow(), null);
			}

			@GetMapping("/shelves/{id}/loaded")
			Shelf loadedShelf(@PathVariable long id) {
				Author author = this.authors.findById(id).orElseThrow();
				return new Shelf(author, author.getBooks().stream().map(Book::getTitle).toList());
			}

		}

	}

}

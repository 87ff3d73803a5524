package io.github.dbperf.sample;

import java.util.List;
import java.util.Map;

import io.github.dbperf.sample.CatalogueService.AuthorView;
import io.github.dbperf.sample.CatalogueService.BookView;
import io.github.dbperf.sample.CatalogueService.MentionView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages of the sample app; each shows one thing dbperf reports.
 */
@RestController
class CatalogueController {

	private final CatalogueService catalogue;

	CatalogueController(CatalogueService catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/")
	Map<String, String> index() {
		return Map.of("/authors/{id}", "a normal primary-key lookup", "/authors/{id}/books", "a derived query",
				"/authors", "N+1 on purpose: books loaded lazily per author", "/authors/fetched",
				"the fix: one statement with an entity graph", "/books/most-mentioned",
				"a genuinely slow query (LIKE join over every review)", "/reviews/good", "a count query",
				"/actuator/dbperf", "what dbperf saw", "/actuator/prometheus", "dbperf_* metrics");
	}

	@GetMapping("/authors/{id}")
	ResponseEntity<AuthorView> author(@PathVariable long id) {
		AuthorView author = this.catalogue.author(id);
		return (author != null) ? ResponseEntity.ok(author) : ResponseEntity.notFound().build();
	}

	@GetMapping("/authors/{id}/books")
	List<BookView> books(@PathVariable long id) {
		return this.catalogue.booksOf(id);
	}

	@GetMapping("/authors")
	List<AuthorView> authors() {
		return this.catalogue.authorsWithBookCountsLazily();
	}

	@GetMapping("/authors/fetched")
	List<AuthorView> authorsFetched() {
		return this.catalogue.authorsWithBookCountsFetched();
	}

	@GetMapping("/books/most-mentioned")
	List<MentionView> mostMentioned() {
		return this.catalogue.mostMentioned();
	}

	@GetMapping("/reviews/good")
	Map<String, Long> goodReviews() {
		return Map.of("goodReviews", this.catalogue.goodReviews());
	}

}

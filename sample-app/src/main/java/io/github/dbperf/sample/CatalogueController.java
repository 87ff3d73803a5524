package io.github.dbperf.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dbperf.sample.CatalogueService.AuthorView;
import io.github.dbperf.sample.CatalogueService.BookView;
import io.github.dbperf.sample.CatalogueService.MentionView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/authors/{id}", "a normal primary-key lookup");
		pages.put("/authors/{id}/books", "a derived query");
		pages.put("/authors/search?prefix=Author 1&page=1",
				"a derived LIKE search, paged (its own statement per page shape)");
		pages.put("/authors", "N+1 on purpose: books loaded lazily per author");
		pages.put("/authors/fetched", "the fix: one statement with an entity graph");
		pages.put("/listings", "an EAGER association loaded per row (batch fetching off)");
		pages.put("/listings/fetched", "the fix: the authors fetched with the listings");
		pages.put("/books/options", "a formatter that calls a repository once per rendered option");
		pages.put("/books/options/fixed", "the fix: the names loaded once before rendering");
		pages.put("/books/all", "a large result: every book in one statement");
		pages.put("/books/page", "the fix: one page of books");
		pages.put("/authors/with-books", "in-memory pagination: a paged query that fetches a collection");
		pages.put("/authors/with-books/fixed", "the fix: a page of ids, then their authors with books");
		pages.put("/authors/{id}/page", "lazy loading while the view renders (open session in view)");
		pages.put("/authors/{id}/page/fixed", "the fix: the books loaded before the view renders");
		pages.put("/books/most-mentioned", "a genuinely slow query (LIKE join over every review)");
		pages.put("/reviews/good", "a count query");
		pages.put("/actuator/dbperf", "what dbperf saw");
		pages.put("/actuator/prometheus", "dbperf_* metrics");
		return pages;
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

	@GetMapping("/authors/search")
	List<String> search(@RequestParam(defaultValue = "Author 1") String prefix,
			@RequestParam(defaultValue = "0") int page) {
		return this.catalogue.search(prefix, page);
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

package io.github.dbperf.sample;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages that show the ORM's anti-patterns dbperf reports, each with its fixed twin.
 */
@RestController
class OrmPagesController {

	private final BookListingRepository listings;

	private final BookRepository books;

	private final AuthorRepository authors;

	OrmPagesController(BookListingRepository listings, BookRepository books, AuthorRepository authors) {
		this.listings = listings;
		this.books = books;
		this.authors = authors;
	}

	/** An EAGER association loaded per row: one statement per listing's author. */
	@GetMapping("/listings")
	List<Listing> listings() {
		return this.listings.findTop30ByOrderByIdAsc().stream().map(Listing::of).toList();
	}

	/** The fix: the authors fetched with the listings. */
	@GetMapping("/listings/fetched")
	List<Listing> listingsFetched() {
		return this.listings.findFirst30WithAuthors().stream().map(Listing::of).toList();
	}

	/** A large result: every book in one statement. */
	@GetMapping("/books/all")
	Map<String, Integer> allBooks() {
		return Map.of("books", this.books.findEverything().size());
	}

	/** The fix: one page of books. */
	@GetMapping("/books/page")
	Map<String, Integer> pageOfBooks(@RequestParam(defaultValue = "0") int page) {
		return Map.of("books", this.books.findPage(PageRequest.of(page, 20)).size());
	}

	/** In-memory pagination: a page of authors with their books fetched. */
	@GetMapping("/authors/with-books")
	List<AuthorBooks> authorsWithBooks(@RequestParam(defaultValue = "0") int page) {
		return this.authors.findPageWithBooks(PageRequest.of(page, 10)).stream().map(AuthorBooks::of).toList();
	}

	/** The fix: a page of ids from the database, then their authors with books. */
	@GetMapping("/authors/with-books/fixed")
	List<AuthorBooks> authorsWithBooksFixed(@RequestParam(defaultValue = "0") int page) {
		List<Long> ids = this.authors.findPageOfIds(PageRequest.of(page, 10));
		return this.authors.findWithBooksByIdIn(ids).stream().map(AuthorBooks::of).toList();
	}

	record Listing(long id, String title, String author) {

		static Listing of(BookListing listing) {
			return new Listing(listing.getId(), listing.getTitle(), listing.getAuthor().getName());
		}

	}

	record AuthorBooks(long id, String name, int books) {

		static AuthorBooks of(Author author) {
			return new AuthorBooks(author.getId(), author.getName(), author.getBooks().size());
		}

	}

}

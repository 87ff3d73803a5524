package io.github.dbperf.sample;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's read side. Each method is one page of the sample app.
 */
@Service
@Transactional(readOnly = true)
public class CatalogueService {

	private final AuthorRepository authors;

	private final BookRepository books;

	private final ReviewRepository reviews;

	CatalogueService(AuthorRepository authors, BookRepository books, ReviewRepository reviews) {
		this.authors = authors;
		this.books = books;
		this.reviews = reviews;
	}

	AuthorView author(long id) {
		return this.authors.findById(id)
			.map((author) -> new AuthorView(author.getId(), author.getName(), -1))
			.orElse(null);
	}

	List<BookView> booksOf(long authorId) {
		return this.books.findByAuthorIdOrderByPublished(authorId).stream().map(BookView::of).toList();
	}

	/**
	 * A page of author names that start with a prefix (Spring Data's derived LIKE query).
	 */
	List<String> search(String prefix, int page) {
		return this.authors.findByNameStartingWith(prefix, PageRequest.of(page, 10, Sort.by("name")))
			.map(Author::getName)
			.getContent();
	}

	/**
	 * N+1 on purpose: one statement for the authors, then one per author for its books.
	 */
	List<AuthorView> authorsWithBookCountsLazily() {
		return this.authors.findTop50ByOrderByIdAsc()
			.stream()
			.map((author) -> new AuthorView(author.getId(), author.getName(), author.getBooks().size()))
			.toList();
	}

	/** The fix: books fetched with the authors in a single statement. */
	List<AuthorView> authorsWithBookCountsFetched() {
		return this.authors.findFirst50WithBooks()
			.stream()
			.map((author) -> new AuthorView(author.getId(), author.getName(), author.getBooks().size()))
			.toList();
	}

	List<MentionView> mostMentioned() {
		return this.books.findMostMentioned()
			.stream()
			.map((row) -> new MentionView(((Number) row[0]).longValue(), (String) row[1],
					((Number) row[2]).longValue()))
			.toList();
	}

	long goodReviews() {
		return this.reviews.countByRatingGreaterThanEqual(4);
	}

	record AuthorView(long id, String name, int books) {

	}

	record BookView(long id, String title, int published) {

		static BookView of(Book book) {
			return new BookView(book.getId(), book.getTitle(), book.getPublished());
		}

	}

	record MentionView(long id, String title, long mentions) {

	}

}

package io.github.dbperf.sample;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Server-rendered pages, each with a problem that shows only while the view renders, and
 * its fixed twin.
 */
@Controller
class ViewPagesController {

	private final AuthorRepository authors;

	private final BookRepository books;

	ViewPagesController(AuthorRepository authors, BookRepository books) {
		this.authors = authors;
		this.books = books;
	}

	/** A formatter looks each option's author up while the page renders. */
	@GetMapping("/books/options")
	String options(Model model) {
		model.addAttribute("books", this.books.findTop30ByOrderByIdAsc().stream().map(BookOption::of).toList());
		return "options";
	}

	/** The fix: the authors' names loaded once, before the page renders. */
	@GetMapping("/books/options/fixed")
	String optionsFixed(Model model) {
		List<BookOption> options = this.books.findTop30ByOrderByIdAsc().stream().map(BookOption::of).toList();
		Map<Long, String> names = this.authors
			.findAllById(options.stream().map((option) -> option.author().id()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Author::getId, Author::getName));
		model.addAttribute("books", options);
		model.addAttribute("names", names);
		return "options-fixed";
	}

	/** The author's books are loaded while the view renders (open session in view). */
	@GetMapping("/authors/{id}/page")
	String author(@PathVariable long id, Model model) {
		model.addAttribute("author", this.authors.findById(id).orElseThrow());
		return "author";
	}

	/** The fix: the books are loaded with the author, before the view renders. */
	@GetMapping("/authors/{id}/page/fixed")
	String authorFixed(@PathVariable long id, Model model) {
		model.addAttribute("author", this.authors.findWithBooksById(id).orElseThrow());
		return "author";
	}

	record BookOption(long id, String title, AuthorRef author) {

		static BookOption of(Book book) {
			// The id of a lazy proxy is known without loading it.
			return new BookOption(book.getId(), book.getTitle(), new AuthorRef(book.getAuthor().getId()));
		}

	}

}

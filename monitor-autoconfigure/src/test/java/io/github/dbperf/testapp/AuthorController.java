package io.github.dbperf.testapp;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web pages of the test application: a lookup, and a list that loads each author's books
 * lazily (N+1) inside one transaction.
 */
@RestController
@ConditionalOnWebApplication
public class AuthorController {

	private final AuthorRepository authors;

	private final TransactionTemplate transactions;

	public AuthorController(AuthorRepository authors, TransactionTemplate transactions) {
		this.authors = authors;
		this.transactions = transactions;
	}

	@GetMapping("/authors/{id}")
	String author(@PathVariable long id) {
		return this.authors.findById(id).map(Author::getName).orElse("none");
	}

	@GetMapping("/authors")
	List<Integer> bookCounts() {
		return this.transactions
			.execute((status) -> this.authors.findAll().stream().map((author) -> author.getBooks().size()).toList());
	}

}

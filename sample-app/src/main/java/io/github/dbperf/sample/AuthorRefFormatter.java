package io.github.dbperf.sample;

import java.util.Locale;

import org.springframework.format.Formatter;

/**
 * Shows an author reference as the author's name by looking the author up: once per
 * rendered value, which in a list of options is once per option.
 */
class AuthorRefFormatter implements Formatter<AuthorRef> {

	private final AuthorRepository authors;

	AuthorRefFormatter(AuthorRepository authors) {
		this.authors = authors;
	}

	@Override
	public String print(AuthorRef author, Locale locale) {
		return this.authors.findById(author.id()).map(Author::getName).orElse("unknown");
	}

	@Override
	public AuthorRef parse(String text, Locale locale) {
		return new AuthorRef(Long.parseLong(text));
	}

}

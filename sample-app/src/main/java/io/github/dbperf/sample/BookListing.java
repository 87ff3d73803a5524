package io.github.dbperf.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A read-only view of a book whose author is mapped EAGER: loading a list of them loads
 * each author with a statement of its own (batch fetching is off).
 */
@Entity
@Immutable
@Table(name = "book")
public class BookListing {

	@Id
	private Long id;

	private String title;

	@ManyToOne(fetch = FetchType.EAGER)
	private Author author;

	protected BookListing() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Author getAuthor() {
		return this.author;
	}

}

package io.github.dbperf.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Review {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int rating;

	private String body;

	@ManyToOne(fetch = FetchType.LAZY)
	private Book book;

	protected Review() {
	}

	public Long getId() {
		return this.id;
	}

	public int getRating() {
		return this.rating;
	}

	public String getBody() {
		return this.body;
	}

	public Book getBook() {
		return this.book;
	}

}

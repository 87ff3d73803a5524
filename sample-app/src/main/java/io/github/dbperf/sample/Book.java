package io.github.dbperf.sample;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

@Entity
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private int published;

	@ManyToOne(fetch = FetchType.LAZY)
	private Author author;

	@OneToMany(mappedBy = "book")
	private List<Review> reviews = new ArrayList<>();

	protected Book() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public int getPublished() {
		return this.published;
	}

	public Author getAuthor() {
		return this.author;
	}

	public List<Review> getReviews() {
		return this.reviews;
	}

}

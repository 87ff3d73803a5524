package io.github.dbperf.batching;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Volume {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Library library;

	@ManyToOne(fetch = FetchType.LAZY)
	private Publisher publisher;

	protected Volume() {
	}

	public Volume(Library library, Publisher publisher) {
		this.library = library;
		this.publisher = publisher;
	}

	public Publisher getPublisher() {
		return this.publisher;
	}

}

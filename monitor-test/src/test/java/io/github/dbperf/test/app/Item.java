package io.github.dbperf.test.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Item {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String label;

	@ManyToOne(fetch = FetchType.LAZY)
	private Shelf shelf;

	protected Item() {
	}

	public Item(String label, Shelf shelf) {
		this.label = label;
		this.shelf = shelf;
	}

	public Long getId() {
		return this.id;
	}

}

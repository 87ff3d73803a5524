package io.github.dbperf.test.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

@Entity
public class Shelf {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(mappedBy = "shelf")
	private List<Item> items = new ArrayList<>();

	protected Shelf() {
	}

	public Shelf(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public List<Item> getItems() {
		return this.items;
	}

}

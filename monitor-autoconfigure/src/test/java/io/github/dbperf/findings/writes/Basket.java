package io.github.dbperf.findings.writes;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Its lines mapped bidirectionally: each line's insert sets the foreign key.
 */
@Entity
public class Basket {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@OneToMany(mappedBy = "basket", cascade = CascadeType.ALL)
	private List<BasketLine> lines = new ArrayList<>();

	public List<BasketLine> getLines() {
		return this.lines;
	}

	public Basket() {
	}

	public Basket(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

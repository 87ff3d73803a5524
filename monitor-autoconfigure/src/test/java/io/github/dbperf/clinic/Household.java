package io.github.dbperf.clinic;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

/**
 * The LAZY shape: a household's animals, each with its toys, both {@code List}s (bags).
 */
@Entity
public class Household {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(mappedBy = "household")
	private List<Animal> animals = new ArrayList<>();

	protected Household() {
	}

	public Household(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

	public List<Animal> getAnimals() {
		return this.animals;
	}

}

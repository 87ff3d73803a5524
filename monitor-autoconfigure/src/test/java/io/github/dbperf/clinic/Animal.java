package io.github.dbperf.clinic;

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
public class Animal {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Household household;

	@OneToMany(mappedBy = "animal")
	private List<Toy> toys = new ArrayList<>();

	protected Animal() {
	}

	public Animal(String name, Household household) {
		this.name = name;
		this.household = household;
	}

	public String getName() {
		return this.name;
	}

	public List<Toy> getToys() {
		return this.toys;
	}

}

package io.github.dbperf.clinic;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

@Entity
public class Vet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToMany(fetch = FetchType.EAGER)
	private Set<Specialty> specialties = new LinkedHashSet<>();

	protected Vet() {
	}

	public Vet(String name) {
		this.name = name;
	}

	public Set<Specialty> getSpecialties() {
		return this.specialties;
	}

}

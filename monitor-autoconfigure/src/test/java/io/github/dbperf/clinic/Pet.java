package io.github.dbperf.clinic;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

@Entity
public class Pet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@ManyToOne
	private PetType type;

	@OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
	@JoinColumn(name = "pet_id")
	private Set<Visit> visits = new LinkedHashSet<>();

	protected Pet() {
	}

	public Pet(String name, PetType type) {
		this.name = name;
		this.type = type;
	}

	public String getName() {
		return this.name;
	}

	public Set<Visit> getVisits() {
		return this.visits;
	}

}

package org.springframework.samples.dbperfcheck.app;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

@Entity
public class Owner {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@OneToMany(mappedBy = "owner")
	private List<Pet> pets = new ArrayList<>();

	protected Owner() {
	}

	public Owner(String name) {
		this.name = name;
	}

	public List<Pet> getPets() {
		return this.pets;
	}

}

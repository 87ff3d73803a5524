package org.springframework.samples.dbperfcheck.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Pet {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Owner owner;

	protected Pet() {
	}

	public Pet(String name, Owner owner) {
		this.name = name;
		this.owner = owner;
	}

}

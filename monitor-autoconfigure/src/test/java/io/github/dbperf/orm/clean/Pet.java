package io.github.dbperf.orm.clean;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * The owning side of a bidirectional association, lazy.
 */
@Entity
public class Pet {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private Owner owner;

	public Long getId() {
		return this.id;
	}

	public Owner getOwner() {
		return this.owner;
	}

}

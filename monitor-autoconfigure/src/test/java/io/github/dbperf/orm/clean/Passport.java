package io.github.dbperf.orm.clean;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/**
 * A {@code @OneToOne} that shares its owner's id ({@code @MapsId}), with no mappedBy
 * side.
 */
@Entity
public class Passport {

	@Id
	private Long id;

	@OneToOne(fetch = FetchType.LAZY)
	@MapsId
	private Owner owner;

	public Long getId() {
		return this.id;
	}

	public Owner getOwner() {
		return this.owner;
	}

}

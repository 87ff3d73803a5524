package io.github.dbperf.orm.defects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A plain entity with assigned ids: no finding of its own.
 */
@Entity
public class Note {

	@Id
	private Long id;

	public Long getId() {
		return this.id;
	}

}

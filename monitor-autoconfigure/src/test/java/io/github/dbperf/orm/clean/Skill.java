package io.github.dbperf.orm.clean;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A plain entity with assigned ids.
 */
@Entity
public class Skill {

	@Id
	private Long id;

	public Long getId() {
		return this.id;
	}

}

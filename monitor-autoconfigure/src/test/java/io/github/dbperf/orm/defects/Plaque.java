package io.github.dbperf.orm.defects;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;

/**
 * The owning side of a {@code @OneToOne}, lazy: no finding of its own.
 */
@Entity
public class Plaque {

	@Id
	private Long id;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "shelf_id")
	private Shelf shelf;

	public Long getId() {
		return this.id;
	}

	public Shelf getShelf() {
		return this.shelf;
	}

}

package io.github.dbperf.orm.defects;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/**
 * A sequence with allocationSize 1; a {@code @ManyToOne} left EAGER.
 */
@Entity
public class Item {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_ids")
	@SequenceGenerator(name = "item_ids", sequenceName = "item_ids", allocationSize = 1)
	private Long id;

	@ManyToOne
	private Shelf shelf;

	public Long getId() {
		return this.id;
	}

	public Shelf getShelf() {
		return this.shelf;
	}

	public void setShelf(Shelf shelf) {
		this.shelf = shelf;
	}

}

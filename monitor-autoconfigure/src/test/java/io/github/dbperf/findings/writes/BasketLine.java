package io.github.dbperf.findings.writes;

import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * The owning side of a bidirectional @OneToMany.
 */
@Entity
public class BasketLine {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Basket basket;

	public BasketLine(String name, Basket basket) {
		this.name = name;
		this.basket = basket;
	}

	public BasketLine() {
	}

	public BasketLine(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

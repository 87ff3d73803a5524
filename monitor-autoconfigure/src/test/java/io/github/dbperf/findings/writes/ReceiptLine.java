package io.github.dbperf.findings.writes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A line of a unidirectional @OneToMany whose foreign key is inserted with it.
 */
@Entity
public class ReceiptLine {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	public ReceiptLine() {
	}

	public ReceiptLine(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

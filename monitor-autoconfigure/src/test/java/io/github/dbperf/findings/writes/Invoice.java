package io.github.dbperf.findings.writes;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Its lines mapped unidirectionally, with @JoinColumn: an update after each line's
 * insert.
 */
@Entity
public class Invoice {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "invoice_id")
	private List<InvoiceLine> lines = new ArrayList<>();

	public List<InvoiceLine> getLines() {
		return this.lines;
	}

	public Invoice() {
	}

	public Invoice(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

package io.github.dbperf.findings.writes;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

/**
 * Its lines mapped unidirectionally with a foreign key that is part of their insert
 * ({@code nullable = false, updatable = false}): the second fix dbperf suggests for
 * {@link Invoice}.
 */
@Entity
public class Receipt {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "receipt_id", nullable = false, updatable = false)
	private List<ReceiptLine> lines = new ArrayList<>();

	public Receipt() {
	}

	public Receipt(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public List<ReceiptLine> getLines() {
		return this.lines;
	}

}

package io.github.dbperf.sample;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;

/**
 * {@link Delivery}'s fixed twin: sequence ids (50 at a time) and a bidirectional
 * association whose lines set the foreign key in their own insert; with JDBC batching on,
 * its lines are one batch.
 */
@Entity
public class Shipment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_seq")
	@SequenceGenerator(name = "shipment_seq", sequenceName = "shipment_seq", allocationSize = 50)
	private Long id;

	private String recipient;

	@OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL)
	private List<ShipmentLine> lines = new ArrayList<>();

	protected Shipment() {
	}

	public Shipment(String recipient) {
		this.recipient = recipient;
	}

	public Long getId() {
		return this.id;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public List<ShipmentLine> getLines() {
		return this.lines;
	}

	public void addLine(String article) {
		this.lines.add(new ShipmentLine(article, this));
	}

}

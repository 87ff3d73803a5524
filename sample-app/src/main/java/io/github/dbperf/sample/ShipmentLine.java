package io.github.dbperf.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/**
 * A line of a {@link Shipment}: it owns the foreign key.
 */
@Entity
public class ShipmentLine {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_line_seq")
	@SequenceGenerator(name = "shipment_line_seq", sequenceName = "shipment_line_seq", allocationSize = 50)
	private Long id;

	private String article;

	@ManyToOne(fetch = FetchType.LAZY)
	private Shipment shipment;

	protected ShipmentLine() {
	}

	ShipmentLine(String article, Shipment shipment) {
		this.article = article;
		this.shipment = shipment;
	}

	public Long getId() {
		return this.id;
	}

	public String getArticle() {
		return this.article;
	}

}

package io.github.dbperf.sample;

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
 * A parent saved with its lines, mapped the costly way: its lines keep identity ids (each
 * insert sent alone) and the association is unidirectional with {@code @JoinColumn} (an
 * update after every line's insert). {@link Shipment} is its fixed twin.
 */
@Entity
public class Delivery {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String recipient;

	@OneToMany(cascade = CascadeType.ALL)
	@JoinColumn(name = "delivery_id")
	private List<DeliveryLine> lines = new ArrayList<>();

	protected Delivery() {
	}

	public Delivery(String recipient) {
		this.recipient = recipient;
	}

	public Long getId() {
		return this.id;
	}

	public String getRecipient() {
		return this.recipient;
	}

	public List<DeliveryLine> getLines() {
		return this.lines;
	}

}

package io.github.dbperf.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A line of a {@link Delivery}, with identity ids.
 */
@Entity
public class DeliveryLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String article;

	protected DeliveryLine() {
	}

	public DeliveryLine(String article) {
		this.article = article;
	}

	public Long getId() {
		return this.id;
	}

	public String getArticle() {
		return this.article;
	}

}

package io.github.dbperf.findings.writes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * A topic with an assigned id, equal by id.
 */
@Entity
public class Topic {

	@Id
	private Long id;

	protected Topic() {
	}

	public Topic(Long id) {
		this.id = id;
	}

	public Long getId() {
		return this.id;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Topic topic && this.id != null && this.id.equals(topic.id);
	}

	@Override
	public int hashCode() {
		return Topic.class.hashCode();
	}

}

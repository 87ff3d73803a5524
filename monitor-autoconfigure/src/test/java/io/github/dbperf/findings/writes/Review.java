package io.github.dbperf.findings.writes;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.ManyToMany;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Topics as a @ManyToMany Set.
 */
@Entity
public class Review {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@ManyToMany
	private Set<Topic> topics = new HashSet<>();

	public Set<Topic> getTopics() {
		return this.topics;
	}

	public Review() {
	}

	public Review(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

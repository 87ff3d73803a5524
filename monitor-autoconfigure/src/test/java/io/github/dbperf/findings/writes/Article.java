package io.github.dbperf.findings.writes;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.ManyToMany;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Topics as a @ManyToMany List (a bag).
 */
@Entity
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String name;

	@ManyToMany
	private List<Topic> topics = new ArrayList<>();

	public List<Topic> getTopics() {
		return this.topics;
	}

	public Article() {
	}

	public Article(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

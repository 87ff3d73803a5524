package io.github.dbperf.orm.defects;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

/**
 * Identity ids; an EAGER collection; a unidirectional {@code @OneToMany} with and one
 * without {@code @JoinColumn}; a {@code @ManyToMany} bag; the mappedBy side of a
 * {@code @OneToOne}.
 */
@Entity
public class Shelf {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(mappedBy = "shelf", fetch = FetchType.EAGER)
	private Set<Item> items = new HashSet<>();

	@OneToMany
	@JoinColumn(name = "shelf_id")
	private Set<Label> labels = new HashSet<>();

	@OneToMany
	private Set<Note> notes = new HashSet<>();

	@ManyToMany
	private List<Tag> tags = new ArrayList<>();

	@OneToOne(mappedBy = "shelf", fetch = FetchType.LAZY)
	private Plaque plaque;

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Set<Item> getItems() {
		return this.items;
	}

	public Set<Label> getLabels() {
		return this.labels;
	}

	public Set<Note> getNotes() {
		return this.notes;
	}

	public List<Tag> getTags() {
		return this.tags;
	}

	public Plaque getPlaque() {
		return this.plaque;
	}

}

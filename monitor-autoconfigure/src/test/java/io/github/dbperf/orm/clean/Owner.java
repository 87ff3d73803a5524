package io.github.dbperf.orm.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;

/**
 * Sequence ids (Hibernate's pooled allocation of 50); a bidirectional lazy
 * {@code @OneToMany}; a {@code @ManyToMany} Set and an ordered {@code @ManyToMany} List;
 * a lazy element collection.
 */
@Entity
public class Owner {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	@OneToMany(mappedBy = "owner")
	private Set<Pet> pets = new HashSet<>();

	@ManyToMany
	private Set<Skill> skills = new HashSet<>();

	@ManyToMany
	@JoinTable(name = "owner_ranked_skills")
	@OrderColumn(name = "skill_order")
	private List<Skill> rankedSkills = new ArrayList<>();

	@ElementCollection
	private Set<String> nicknames = new HashSet<>();

	public Long getId() {
		return this.id;
	}

	public Set<Pet> getPets() {
		return this.pets;
	}

	public Set<Skill> getSkills() {
		return this.skills;
	}

	public List<Skill> getRankedSkills() {
		return this.rankedSkills;
	}

	public Set<String> getNicknames() {
		return this.nicknames;
	}

}

package io.github.dbperf.batching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

@Entity
public class Library {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@OneToMany(mappedBy = "library")
	@BatchSize(size = 16)
	private List<Volume> volumes = new ArrayList<>();

	@OneToMany(mappedBy = "library")
	@Fetch(FetchMode.SUBSELECT)
	private Set<Reader> readers = new LinkedHashSet<>();

	protected Library() {
	}

	public Library(String name) {
		this.name = name;
	}

	public List<Volume> getVolumes() {
		return this.volumes;
	}

	public Set<Reader> getReaders() {
		return this.readers;
	}

}

package io.github.dbperf.batching;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.BatchSize;

@Entity
@BatchSize(size = 16)
public class Publisher {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	protected Publisher() {
	}

	public Publisher(String name) {
		this.name = name;
	}

	public String getName() {
		return this.name;
	}

}

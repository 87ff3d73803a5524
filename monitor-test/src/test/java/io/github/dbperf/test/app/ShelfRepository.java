package io.github.dbperf.test.app;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ShelfRepository extends JpaRepository<Shelf, Long> {

	List<Shelf> findByName(String name);

	@EntityGraph(attributePaths = "items")
	@Query("select s from Shelf s")
	List<Shelf> findAllWithItems();

}

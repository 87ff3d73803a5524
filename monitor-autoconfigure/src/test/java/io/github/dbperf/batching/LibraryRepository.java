package io.github.dbperf.batching;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LibraryRepository extends JpaRepository<Library, Long> {

	List<Library> findByNameStartingWith(String prefix);

}

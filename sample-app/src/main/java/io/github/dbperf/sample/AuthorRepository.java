package io.github.dbperf.sample;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuthorRepository extends JpaRepository<Author, Long> {

	/** Authors with their books in one statement: the fix for the N+1 page. */
	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a order by a.id")
	List<Author> findAllWithBooks();

	List<Author> findTop50ByOrderByIdAsc();

}

package io.github.dbperf.sample;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuthorRepository extends JpaRepository<Author, Long> {

	/** Authors with their books in one statement: the fix for the N+1 page. */
	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a where a.id <= 50 order by a.id")
	List<Author> findFirst50WithBooks();

	List<Author> findTop50ByOrderByIdAsc();

	/**
	 * A derived LIKE search, paged: Hibernate writes "name like ? escape '\\' ... fetch
	 * first ? rows only".
	 */
	Page<Author> findByNameStartingWith(String prefix, Pageable page);

	/**
	 * Paged, with each author's books fetched: Hibernate reads every row and pages in
	 * memory.
	 */
	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a order by a.id")
	List<Author> findPageWithBooks(Pageable page);

	/** The fix, step one: one page of ids, paged by the database. */
	@Query("select a.id from Author a order by a.id")
	List<Long> findPageOfIds(Pageable page);

	/** The fix, step two: the authors of those ids with their books. */
	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a where a.id in :ids order by a.id")
	List<Author> findWithBooksByIdIn(Collection<Long> ids);

	/** One author with its books, for a view that renders them. */
	@EntityGraph(attributePaths = "books")
	@Query("select a from Author a where a.id = :id")
	Optional<Author> findWithBooksById(long id);

}

package io.github.dbperf.sample;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findByAuthorIdOrderByPublished(long authorId);

	/** Every book: two thousand rows in one result. */
	@Query("select b from Book b order by b.id")
	List<Book> findEverything();

	/** The fix: one page of books. */
	@Query("select b from Book b order by b.id")
	List<Book> findPage(Pageable page);

	/** The books shown in the author picker. */
	List<Book> findTop30ByOrderByIdAsc();

	/**
	 * The first 40 books ranked by how many reviews anywhere mention their title: a join
	 * on an unindexable LIKE over every review, genuinely slow on purpose.
	 */
	@Query(value = """
			select b.id, b.title, count(r.id) as mentions
			from book b join review r on lower(r.body) like concat('%', lower(b.title), '%')
			where b.id <= 40
			group by b.id, b.title
			order by mentions desc, b.id
			limit 10""", nativeQuery = true)
	List<Object[]> findMostMentioned();

}

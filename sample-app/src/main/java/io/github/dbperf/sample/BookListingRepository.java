package io.github.dbperf.sample;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BookListingRepository extends JpaRepository<BookListing, Long> {

	/** Thirty listings; their EAGER authors load one statement each. */
	List<BookListing> findTop30ByOrderByIdAsc();

	/** The fix: the authors come with the listings in one statement. */
	@EntityGraph(attributePaths = "author")
	@Query("select b from BookListing b where b.id <= 30 order by b.id")
	List<BookListing> findFirst30WithAuthors();

}

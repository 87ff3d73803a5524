package io.github.dbperf.testapp;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface AuthorRepository extends JpaRepository<Author, Long>, Sleeping {

	List<Author> findByName(String name);

	// Spring Data's derived LIKE queries: Hibernate renders each as "like ? escape '\'"
	// (or '\\' on MySQL).

	Page<Author> findByNameStartingWith(String prefix, Pageable pageable);

	List<Author> findByNameEndingWithOrderByNameDesc(String suffix);

	List<Author> findByNameContainingIgnoreCaseAndIdGreaterThan(String part, Long id, Sort sort);

	List<Author> findTop3ByNameLike(String pattern);

	@Transactional
	@Modifying
	@Query(value = "insert into author (id, name) values (:id, 'explicit')", nativeQuery = true)
	int insertWithId(long id);

	default long countViaFindAll() {
		return findAll().size();
	}

}

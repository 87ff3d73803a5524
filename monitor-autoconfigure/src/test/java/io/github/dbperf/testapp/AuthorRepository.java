package io.github.dbperf.testapp;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface AuthorRepository extends JpaRepository<Author, Long>, Sleeping {

	List<Author> findByName(String name);

	@Transactional
	@Modifying
	@Query(value = "insert into author (id, name) values (:id, 'explicit')", nativeQuery = true)
	int insertWithId(long id);

	default long countViaFindAll() {
		return findAll().size();
	}

}

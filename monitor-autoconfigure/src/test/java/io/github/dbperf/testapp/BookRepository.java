package io.github.dbperf.testapp;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface BookRepository extends JpaRepository<Book, Long> {

	@Transactional
	@Modifying
	@Query("update Book b set b.price = b.price + 1")
	int raisePrices();

}

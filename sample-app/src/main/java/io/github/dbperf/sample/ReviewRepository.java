package io.github.dbperf.sample;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<Review, Long> {

	long countByRatingGreaterThanEqual(int rating);

}

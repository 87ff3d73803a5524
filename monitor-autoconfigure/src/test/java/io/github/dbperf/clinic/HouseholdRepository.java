package io.github.dbperf.clinic;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HouseholdRepository extends JpaRepository<Household, Long> {

	List<Household> findByNameStartingWith(String name);

}

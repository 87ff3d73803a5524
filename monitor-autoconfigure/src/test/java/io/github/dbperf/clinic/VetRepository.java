package io.github.dbperf.clinic;

import org.springframework.data.jpa.repository.JpaRepository;

/** Serves vets through the inherited {@code findAll()} and {@code findAll(Pageable)}. */
public interface VetRepository extends JpaRepository<Vet, Long> {

}

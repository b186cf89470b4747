package uk.nhs.bob.primarycare.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeSiteRepository extends JpaRepository<ProgrammeSite, Long> {

	List<ProgrammeSite> findAllByOrderByName();

	List<ProgrammeSite> findByPlaceCodeOrderByName(String placeCode);

	Optional<ProgrammeSite> findByNameIgnoreCase(String name);

}

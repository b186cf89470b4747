package uk.nhs.bob.primarycare.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The lists fetch each site's footprint in the same statement (it is read for every site a page lists). */
interface ProgrammeSiteRepository extends JpaRepository<ProgrammeSite, Long> {

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findAllByOrderByName();

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findByPlaceCodeOrderByName(String placeCode);

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findByIdInOrderByName(Collection<Long> ids);

	Optional<ProgrammeSite> findByNameIgnoreCase(String name);

}

package uk.nhs.bob.primarycare.programme.sites;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The lists fetch each site's footprint in the same statement (it is read for every site a page lists). */
public interface ProgrammeSiteRepository extends JpaRepository<ProgrammeSite, Long> {

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findAllByOrderByName();

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findByPlaceCodeOrderByName(String placeCode);

	@EntityGraph(attributePaths = "footprint")
	List<ProgrammeSite> findByIdInOrderByName(Collection<Long> ids);

	Optional<ProgrammeSite> findByNameIgnoreCase(String name);

	/**
	 * Each site still in the programme (with its footprint) with each of its projects and each of their measures still
	 * in use; a site without a project, or a project without a measure, comes with null. A row repeats for each
	 * footprint code.
	 */
	@Query("""
			select s, p, m from ProgrammeSite s left join fetch s.footprint
			left join Project p on p.siteId = s.id
			left join Measure m on m.projectId = p.id and m.retiredOn is null
			where s.retiredOn is null order by s.name, s.id, p.id, m.id""")
	List<Object[]> findActiveWithProjectsAndActiveMeasures();

}

package uk.nhs.bob.primarycare.programme.improvement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProjectRepository extends JpaRepository<Project, Long> {

	Optional<Project> findBySiteIdAndWorkstreamCode(long siteId, String workstreamCode);

	/** Each project of the sites with each of its measures still in use; a project without one comes with null. */
	@Query("""
			select p, m from Project p left join Measure m on m.projectId = p.id and m.retiredOn is null
			where p.siteId in :siteIds order by p.id, m.id""")
	List<Object[]> findWithActiveMeasuresBySiteIdIn(Collection<Long> siteIds);

}

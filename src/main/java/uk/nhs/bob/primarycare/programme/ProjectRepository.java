package uk.nhs.bob.primarycare.programme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectRepository extends JpaRepository<Project, Long> {

	Optional<Project> findBySiteIdAndWorkstreamCode(long siteId, String workstreamCode);

	List<Project> findBySiteId(long siteId);

	List<Project> findBySiteIdInOrderById(Collection<Long> siteIds);

}

package uk.nhs.bob.primarycare.programme.improvement;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PdsaCycleRepository extends JpaRepository<PdsaCycle, Long> {

	List<PdsaCycle> findByProjectIdOrderByStartedOnAscIdAsc(long projectId);

	List<PdsaCycle> findByProjectIdInOrderByStartedOnAscIdAsc(Collection<Long> projectIds);

}

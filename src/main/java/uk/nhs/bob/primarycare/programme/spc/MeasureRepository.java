package uk.nhs.bob.primarycare.programme.spc;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MeasureRepository extends JpaRepository<Measure, Long> {

	List<Measure> findByProjectIdOrderById(long projectId);

	List<Measure> findByProjectIdInOrderById(java.util.Collection<Long> projectIds);

}

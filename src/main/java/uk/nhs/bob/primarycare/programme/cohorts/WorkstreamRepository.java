package uk.nhs.bob.primarycare.programme.cohorts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WorkstreamRepository extends JpaRepository<Workstream, String> {

	List<Workstream> findAllByOrderByDisplayOrder();

	/** Each workstream in display order with each of its cohorts by start; a workstream without one comes with null. */
	@Query("""
			select w, c from Workstream w left join Cohort c on c.workstreamCode = w.code
			order by w.displayOrder, w.code, c.startsOn, c.id""")
	List<Object[]> findAllWithCohorts();

}

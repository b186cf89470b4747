package uk.nhs.bob.primarycare.programme.cohorts;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

	List<Cohort> findAllByOrderByStartsOnAscIdAsc();

	/** Locks the cohort row so two enrolments into the same cohort count its places one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from Cohort c where c.id = :id")
	Optional<Cohort> lockById(long id);

}

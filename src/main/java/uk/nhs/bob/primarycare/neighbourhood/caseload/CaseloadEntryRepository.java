package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseloadEntryRepository extends JpaRepository<CaseloadEntry, UUID> {

	List<CaseloadEntry> findByTeamId(UUID teamId);

	List<CaseloadEntry> findByNhsNumber(String nhsNumber);

	Optional<CaseloadEntry> findByCarePlanId(UUID carePlanId);

}

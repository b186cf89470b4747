package uk.nhs.bob.primarycare.neighbourhood;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseloadEntryRepository extends JpaRepository<CaseloadEntry, UUID> {

	List<CaseloadEntry> findByTeamId(UUID teamId);

	List<CaseloadEntry> findByNhsNumber(String nhsNumber);

	Optional<CaseloadEntry> findByCarePlanId(UUID carePlanId);

}

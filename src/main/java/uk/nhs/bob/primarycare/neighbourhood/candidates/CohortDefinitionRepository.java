package uk.nhs.bob.primarycare.neighbourhood.candidates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortDefinitionRepository extends JpaRepository<CohortDefinition, UUID> {

	List<CohortDefinition> findByTeamIdAndActiveTrueOrderByName(UUID teamId);

}

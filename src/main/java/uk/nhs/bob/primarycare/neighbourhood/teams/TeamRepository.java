package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<Team, UUID> {

	Optional<Team> findBySiteCode(String siteCode);

	List<Team> findAllByOrderByName();

}

package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMemberRepository extends JpaRepository<TeamMember, UUID> {

	List<TeamMember> findByTeamIdAndActiveTrueOrderByName(UUID teamId);

	List<TeamMember> findByTeamIdOrderByName(UUID teamId);

	Optional<TeamMember> findFirstByTeamIdAndActiveTrueAndUsernameIgnoreCase(UUID teamId, String username);

	List<TeamMember> findByActiveTrueAndUsernameIgnoreCase(String username);

}

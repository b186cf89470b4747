package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMemberRepository extends JpaRepository<TeamMember, UUID> {

	List<TeamMember> findByTeamIdAndActiveTrueOrderByName(UUID teamId);

	/**
	 * Every member of a team, leavers too, by name. Written as JPQL rather than derived from the method name: a derived
	 * query is built as a criteria query on each call, which Hibernate translates to SQL again every time (two thirds
	 * of this read's processor time on the care plan page in JFR); a JPQL string's translation is cached.
	 */
	@Query("select m from TeamMember m where m.teamId = :teamId order by m.name")
	List<TeamMember> findByTeamIdOrderByName(UUID teamId);

	Optional<TeamMember> findFirstByTeamIdAndActiveTrueAndUsernameIgnoreCase(UUID teamId, String username);

	List<TeamMember> findByActiveTrueAndUsernameIgnoreCase(String username);

}

package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import uk.nhs.bob.primarycare.shared.NhsNumber;

public interface CaseloadEntryRepository extends JpaRepository<CaseloadEntry, UUID> {

	List<CaseloadEntry> findByTeamId(UUID teamId);

	List<CaseloadEntry> findByNhsNumber(NhsNumber nhsNumber);

	Optional<CaseloadEntry> findByCarePlanId(UUID carePlanId);

	/** A person's episodes on one team, oldest first (JPQL, whose translation Hibernate caches; see TeamMemberRepository). */
	@Query("""
			select e from CaseloadEntry e where e.nhsNumber = :nhsNumber and e.teamId = :teamId
			order by e.addedOn, e.updatedAt""")
	List<CaseloadEntry> findEpisodes(NhsNumber nhsNumber, UUID teamId);

}

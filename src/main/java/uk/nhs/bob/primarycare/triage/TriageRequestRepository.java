package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import uk.nhs.bob.primarycare.shared.NhsNumber;

interface TriageRequestRepository extends JpaRepository<TriageRequest, UUID> {

	Optional<TriageRequest> findBySubmissionKey(String submissionKey);

	Optional<TriageRequest> findByReference(String reference);

	/**
	 * The person's earlier requests (same NHS number and date of birth, so a number kept as given for someone not
	 * registered never joins another person's), the latest first: to link a repeat and to see earlier referrals.
	 */
	java.util.List<TriageRequest> findByNhsNumberAndDateOfBirthAndReceivedAtBeforeOrderByReceivedAtDesc(
			NhsNumber nhsNumber, java.time.LocalDate dateOfBirth, Instant before);

	/**
	 * Claims an unclaimed open request in one statement: when two coordinators claim at once the database lets one
	 * update through and the other sees 0 rows, so exactly one wins.
	 */
	@Modifying(clearAutomatically = true)
	@Query("""
			UPDATE TriageRequest r SET r.claimedBy = :username, r.claimedAt = :at, r.version = r.version + 1
			WHERE r.id = :id AND r.claimedBy IS NULL AND r.status <> uk.nhs.bob.primarycare.triage.TriageRequest.Status.COMPLETED""")
	int claim(UUID id, String username, Instant at);

	@Modifying(clearAutomatically = true)
	@Query("""
			UPDATE TriageRequest r SET r.claimedBy = NULL, r.claimedAt = NULL, r.version = r.version + 1
			WHERE r.id = :id AND r.claimedBy IS NOT NULL""")
	int release(UUID id);

	@Modifying(clearAutomatically = true)
	@Query("""
			UPDATE TriageRequest r SET r.claimedBy = :username, r.claimedAt = :at, r.version = r.version + 1
			WHERE r.id = :id AND r.status <> uk.nhs.bob.primarycare.triage.TriageRequest.Status.COMPLETED""")
	int reassign(UUID id, String username, Instant at);

}

package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeetingRepository extends JpaRepository<Meeting, UUID> {

	List<Meeting> findByTeamIdOrderByStartsAtDesc(UUID teamId);

	Optional<Meeting> findFirstByTeamIdAndStartsAtBeforeOrderByStartsAtDesc(UUID teamId, Instant before);

}

package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A team's multidisciplinary team (MDT) meeting; its agenda is built from the caseload when it is opened. */
@Entity
@Table(schema = "neighbourhood", name = "meeting")
public class Meeting {

	@Id
	private UUID id;

	private UUID teamId;

	private Instant startsAt;

	private String location;

	private String createdBy;

	private Instant createdAt;

	@Version
	private @Nullable Long version;

	protected Meeting() {
		this.id = UUID.randomUUID();
		this.teamId = UUID.randomUUID();
		this.startsAt = Instant.now();
		this.location = "";
		this.createdBy = "";
		this.createdAt = Instant.now();
	}

	public Meeting(UUID teamId, Instant startsAt, String location, String createdBy) {
		this.id = UUID.randomUUID();
		this.teamId = teamId;
		this.startsAt = startsAt;
		this.location = location;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	public UUID getId() {
		return id;
	}

	UUID getTeamId() {
		return teamId;
	}

	public Instant getStartsAt() {
		return startsAt;
	}

	/** The start in UK time, like Monday 30 November 2026, 13:00. */
	public String when() {
		return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.UK)
			.format(startsAt.atZone(Meetings.UK));
	}

	public String getLocation() {
		return location;
	}

}

package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** An Integrated Neighbourhood Team: one per neighbourhood site (the directory's site code). */
@Entity
@Table(schema = "neighbourhood", name = "team")
public class Team {

	@Id
	private UUID id;

	private String siteCode;

	private String name;

	private Instant createdAt;

	private String createdBy;

	@Version
	private @Nullable Long version;

	protected Team() {
		this.id = UUID.randomUUID();
		this.siteCode = "";
		this.name = "";
		this.createdAt = Instant.now();
		this.createdBy = "";
	}

	public Team(String siteCode, String name, String createdBy) {
		this.id = UUID.randomUUID();
		this.siteCode = siteCode;
		this.name = name;
		this.createdAt = Instant.now();
		this.createdBy = createdBy;
	}

	public UUID getId() {
		return id;
	}

	public String getSiteCode() {
		return siteCode;
	}

	public String getName() {
		return name;
	}

	void rename(String name) {
		this.name = name;
	}

}

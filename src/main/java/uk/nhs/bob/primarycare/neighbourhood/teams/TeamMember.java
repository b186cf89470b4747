package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeConverter;

/** A member of a team, from any organisation; linked to a staff account when they sign in to this system. */
@Entity
@Table(schema = "neighbourhood", name = "team_member")
public class TeamMember {

	@Id
	private UUID id;

	private UUID teamId;

	private String name;

	private String organisation;

	/** The organisation's ODS code when the directory holds it (a BOB practice or PCN); else none. */
	@Convert(converter = OdsCodeConverter.class)
	private @Nullable OdsCode organisationOds;

	@Enumerated(EnumType.STRING)
	private Discipline discipline;

	private @Nullable String username;

	private boolean active;

	@Enumerated(EnumType.STRING)
	private TeamRole teamRole;

	@Version
	private @Nullable Long version;

	protected TeamMember() {
		this.id = UUID.randomUUID();
		this.teamId = UUID.randomUUID();
		this.name = "";
		this.organisation = "";
		this.discipline = Discipline.GP;
		this.teamRole = TeamRole.MEMBER;
	}

	public TeamMember(UUID teamId, String name, String organisation, Discipline discipline, @Nullable String username) {
		this(teamId, name, organisation, discipline, username, TeamRole.MEMBER);
	}

	public TeamMember(UUID teamId, String name, String organisation, Discipline discipline, @Nullable String username,
			TeamRole teamRole) {
		this(teamId, name, organisation, null, discipline, username, teamRole);
	}

	public TeamMember(UUID teamId, String name, String organisation, @Nullable OdsCode organisationOds,
			Discipline discipline, @Nullable String username, TeamRole teamRole) {
		this.id = UUID.randomUUID();
		this.organisationOds = organisationOds;
		this.teamId = teamId;
		this.name = name;
		this.organisation = organisation;
		this.discipline = discipline;
		this.username = username;
		this.active = true;
		this.teamRole = teamRole;
	}

	public UUID getId() {
		return id;
	}

	public UUID getTeamId() {
		return teamId;
	}

	public String getName() {
		return name;
	}

	public String getOrganisation() {
		return organisation;
	}

	public @Nullable OdsCode getOrganisationOds() {
		return organisationOds;
	}

	public Discipline getDiscipline() {
		return discipline;
	}

	public @Nullable String getUsername() {
		return username;
	}

	public TeamRole getTeamRole() {
		return teamRole;
	}

	void changeRole(TeamRole role) {
		this.teamRole = role;
	}

	/** Whether this member is the user signed in as {@code username}. */
	boolean is(String username) {
		return active && this.username != null && this.username.equalsIgnoreCase(username);
	}

	public boolean isActive() {
		return active;
	}

	/** Whether this member is still in the team as a keyworker, so can be a person's keyworker. */
	public boolean isKeyworker() {
		return active && teamRole == TeamRole.KEYWORKER;
	}

	public void leave() {
		this.active = false;
	}

	/** Name, discipline and organisation, like Dr Priya Shah (GP, Cowley Road Surgery). */
	public String describe() {
		return name + " (" + discipline.label() + ", " + organisation + ")";
	}

}

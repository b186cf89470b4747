package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.UUID;

import uk.nhs.bob.primarycare.neighbourhood.teams.Team;

/** The team a plan belongs to, as its pages show it (a copy of the entity's fields, read in the same transaction). */
public record PlanTeam(UUID id, String siteCode, String name) {

	static PlanTeam of(Team team) {
		return new PlanTeam(team.getId(), team.getSiteCode(), team.getName());
	}

}

package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A team member as a page that only reads the list sees them: the entity's fields, read as a projection (nothing for
 * the persistence context to hold or check), public and immutable so that every expression over it is compiled.
 */
public record MemberSummary(UUID id, String name, String organisation, @Nullable OdsCode organisationOds,
		Discipline discipline, @Nullable String username, boolean active, TeamRole teamRole) {

	/** Whether this member is the user signed in as {@code username}, as {@link TeamMember} has it. */
	boolean is(String username) {
		return active && this.username != null && this.username.equalsIgnoreCase(username);
	}

	/** Whether this member is still in the team as a keyworker, so can be a person's keyworker. */
	public boolean isKeyworker() {
		return active && teamRole == TeamRole.KEYWORKER;
	}

	/** Name, discipline and organisation, like Dr Priya Shah (GP, Cowley Road Surgery). */
	public String describe() {
		return name + " (" + discipline.label() + ", " + organisation + ")";
	}

}

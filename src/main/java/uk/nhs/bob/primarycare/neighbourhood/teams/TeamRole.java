package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A member's role in the team, which is what gives them access to its people: keyworkers and members read and change
 * the plans (only keyworkers can be a person's keyworker); read-only members read them.
 */
public enum TeamRole {

	KEYWORKER("Keyworker"), MEMBER("Member"), READ_ONLY("Read only");

	private final String label;

	TeamRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	boolean edits() {
		return this != READ_ONLY;
	}

	static Optional<TeamRole> of(@Nullable String name) {
		for (TeamRole role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}

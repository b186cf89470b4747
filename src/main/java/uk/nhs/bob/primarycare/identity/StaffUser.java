package uk.nhs.bob.primarycare.identity;

import java.util.Set;

import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.shared.Role;

/** A signed-in member of staff or service account as other modules see it. */
public record StaffUser(String username, String displayName, Set<Role> roles, OrganisationScope scope,
		String scopeName) {

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(Role... wanted) {
		for (Role role : wanted) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Whether this user may see people registered at the practice. */
	public boolean canSee(PracticeSummary practice) {
		return scope.covers(practice);
	}

}

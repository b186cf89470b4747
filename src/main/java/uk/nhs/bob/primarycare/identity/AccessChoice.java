package uk.nhs.bob.primarycare.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Roles at one organisation scope that a sign-in gives, and the provider's roles that gave them. Kept in the signed-in
 * user's session while they choose between several.
 */
record AccessChoice(Set<Role> roles, OrganisationScope scope, String scopeName, List<String> because)
		implements Serializable {

	public String describe() {
		return String.join(", ", roles.stream().sorted().map(Role::label).toList()) + " for " + scopeName;
	}

	public List<String> roleLabels() {
		return roles.stream().sorted().map(Role::label).toList();
	}

}

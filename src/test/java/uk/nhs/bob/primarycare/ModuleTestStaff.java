package uk.nhs.bob.primarycare;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * The name the neighbourhood module's test data still uses for {@link IdentityFixtures#staffUser(JdbcClient, String,
 * OrganisationScope, Role...)}, which every other test calls directly: new tests call that.
 */
public final class ModuleTestStaff {

	private ModuleTestStaff() {
	}

	/** A new user; the username starts with {@code prefix} so a failing test names who it was. */
	public static String user(JdbcClient jdbc, String prefix, OrganisationScope scope, Role... roles) {
		return IdentityFixtures.staffUser(jdbc, prefix, scope, roles);
	}

}

package uk.nhs.bob.primarycare.identity;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.shared.Role;

/**
 * Staff accounts made for one test, for the tests of any module (a module test context has no demo users, and other
 * modules cannot reach the identity module's package-private account store): a page reads the signed-in user's scope
 * from their account, so a test signed in with MockMvc ({@code user(username).roles(...)}) needs one, with the roles and
 * scope the test is about. Each account has a new username, starting with the prefix given so that a failing test
 * names who it was.
 */
public final class IdentityFixtures {

	/** The password of every account made from a context, for tests that sign in through the form. */
	public static final String PASSWORD = "fixture-password-1";

	/** The stored hash of an account that no password signs in as. */
	private static final String NO_PASSWORD = "{noop}no-sign-in";

	private IdentityFixtures() {
	}

	/** A new enabled account with this role and scope, whose password is {@link #PASSWORD}; its username. */
	public static String staffUser(ApplicationContext context, String prefix, Role role, OrganisationScope scope) {
		return insert(context.getBean(JdbcClient.class), prefix, context.getBean(PasswordEncoder.class).encode(PASSWORD),
				scope, role);
	}

	/**
	 * A new enabled account with these roles and this scope that signs in only through MockMvc (no password signs in
	 * as it); its username.
	 */
	public static String staffUser(JdbcClient jdbc, String prefix, OrganisationScope scope, Role... roles) {
		return insert(jdbc, prefix, NO_PASSWORD, scope, roles);
	}

	/** A new account with this role and scope, signed in for one MockMvc request. */
	public static RequestPostProcessor signedIn(ApplicationContext context, String prefix, Role role,
			OrganisationScope scope) {
		return SecurityMockMvcRequestPostProcessors.user(staffUser(context, prefix, role, scope)).roles(role.name());
	}

	private static String insert(JdbcClient jdbc, String prefix, String passwordHash, OrganisationScope scope,
			Role... roles) {
		String username = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.UK);
		long id = jdbc.sql("""
				INSERT INTO identity.staff_user (username, display_name, password_hash, scope_level, scope_code)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(username, prefix + " (test)", passwordHash, scope.level().name(), scope.code())
			.query(Long.class)
			.single();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO identity.staff_user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return username;
	}

}

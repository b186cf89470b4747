package uk.nhs.bob.primarycare;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Staff made for one test of a module test context, where no demo users exist: an enabled account with these roles
 * and this scope under a username no other test uses. A MockMvc request signs in as it with
 * {@code user(username).roles(...)}; the application then reads its scope from the account, as for a real user.
 * The account has no usable password: tests that sign in through the form stay whole-application tests.
 */
public final class ModuleTestStaff {

	private ModuleTestStaff() {
	}

	/** A new user; the username starts with {@code prefix} so a failing test names who it was. */
	public static String user(JdbcClient jdbc, String prefix, OrganisationScope scope, Role... roles) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		long id = jdbc.sql("""
				INSERT INTO identity.staff_user (username, display_name, password_hash, scope_level, scope_code)
				VALUES (?, ?, '{noop}no-sign-in', ?, ?) RETURNING id""")
			.params(username, "Test " + username, scope.level().name(), scope.code())
			.query(Long.class)
			.single();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO identity.staff_user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		}
		return username;
	}

}

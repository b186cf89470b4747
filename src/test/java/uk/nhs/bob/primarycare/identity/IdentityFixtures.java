package uk.nhs.bob.primarycare.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.shared.Role;

/**
 * Staff accounts made for one test, for module tests of any module (which cannot reach the identity module's
 * package-private account store): a page reads the signed-in user's scope from their account, so a test signed in
 * with MockMvc needs one, with the role and scope the test is about. Each account has a new username.
 */
public final class IdentityFixtures {

	/** The password of every fixture account, for tests that sign in through the form. */
	public static final String PASSWORD = "fixture-password-1";

	private IdentityFixtures() {
	}

	/** A new enabled account with this role and scope; its username (prefix and a random suffix). */
	public static String staffUser(ApplicationContext context, String prefix, Role role, OrganisationScope scope) {
		String username = prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
		context.getBean(StaffAccountRepository.class)
			.save(new StaffAccount(username.toLowerCase(Locale.UK), prefix + " (test)", hash, EnumSet.of(role), scope));
		return username.toLowerCase(Locale.UK);
	}

	/** A new account with this role and scope, signed in for one MockMvc request. */
	public static RequestPostProcessor signedIn(ApplicationContext context, String prefix, Role role,
			OrganisationScope scope) {
		return SecurityMockMvcRequestPostProcessors.user(staffUser(context, prefix, role, scope)).roles(role.name());
	}

}

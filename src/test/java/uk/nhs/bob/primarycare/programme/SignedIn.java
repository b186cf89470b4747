package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user the programme's services see in a test. A MockMvc request signs in as its own user and leaves the test
 * thread signed out afterwards, so a test that calls the services after a request signs in as the ICB
 * administrator again.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static void asAdmin() {
		as("admin", "ICB_ADMIN");
	}

	/** Signs in as this user (of the demo data, or made for the test) with this role. */
	public static void as(String username, String role) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role))));
		SecurityContextHolder.setContext(context);
	}

}

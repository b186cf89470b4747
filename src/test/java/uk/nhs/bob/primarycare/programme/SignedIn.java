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
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority("ROLE_ICB_ADMIN"))));
		SecurityContextHolder.setContext(context);
	}

}

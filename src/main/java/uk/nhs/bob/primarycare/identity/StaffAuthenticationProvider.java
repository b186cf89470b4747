package uk.nhs.bob.primarycare.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password (form sign-in and HTTP Basic alike) behind the {@link SignInThrottle}. The password
 * is always checked first, against a dummy hash for an unknown username (Spring's
 * {@link DaoAuthenticationProvider} does that), and whether the account is disabled only afterwards, so an unknown
 * user, a disabled one and a wrong password take the same time and get the same answer.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	StaffAuthenticationProvider(StaffUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account disabled");
			}
		});
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Object credentials = authentication.getCredentials();
		try (SignInThrottle.Attempt attempt = throttle.begin(authentication.getName(), clientAddress(authentication),
				credentials == null ? "" : credentials.toString())) {
			Authentication result = passwords.authenticate(authentication);
			attempt.succeeded();
			return result;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The client's address as the servlet container sees it (a trusted proxy's X-Forwarded-For included). */
	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

}

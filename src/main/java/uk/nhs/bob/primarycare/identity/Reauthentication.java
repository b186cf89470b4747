package uk.nhs.bob.primarycare.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;

/**
 * Confirms that the administrator at the keyboard is the one signed in, before a change that grants access (roles,
 * scope, passwords, sign-in mappings, API clients): their own password again. Wrong passwords are throttled like
 * sign-ins, so a session left open cannot be used to guess it. Problems name the form field {@code adminPassword}.
 */
@Component
class Reauthentication {

	static final String FIELD = "adminPassword";

	static final String WRONG_OWN_PASSWORD = "Your password is not correct: enter the password you sign in with";

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	Reauthentication(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
	}

	/** Why the administrator's own password does not confirm a sensitive change, if it does not. */
	Optional<Problem> problem(String administrator, @Nullable String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of(new Problem(FIELD, "Enter your own password to confirm this change"));
		}
		SignInThrottle.Attempt attempt;
		try {
			attempt = throttle.begin(administrator, "re-authentication");
		}
		catch (SignInThrottledException ex) {
			return Optional.of(new Problem(FIELD, "Too many wrong passwords: wait a few minutes and try again"));
		}
		try (attempt) {
			boolean matches = accounts.findByUsername(administrator)
				.map(account -> passwordEncoder.matches(password, account.getPasswordHash()))
				.orElse(false);
			if (!matches) {
				return Optional.of(new Problem(FIELD, WRONG_OWN_PASSWORD));
			}
			attempt.succeeded();
			return Optional.empty();
		}
	}

}

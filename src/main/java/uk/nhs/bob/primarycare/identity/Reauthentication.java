package uk.nhs.bob.primarycare.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import uk.nhs.bob.primarycare.identity.UserAdministration.Problem;

/**
 * Confirms that the administrator at the keyboard is the one signed in, before a change that grants access (roles,
 * scope, passwords, sign-in mappings, API clients): their own password again, or, for one who signed in with an
 * OpenID Connect provider (and so may have no password here), a sign-in with the provider within the last
 * {@value #FRESH_MINUTES} minutes (its {@code auth_time}, else the ID token's issue time), asked for with
 * {@code prompt=login}. Wrong passwords are throttled like sign-ins, so a session left open cannot be used to guess
 * it. Problems name the form field {@code adminPassword}.
 */
@Component
class Reauthentication {

	static final String FIELD = "adminPassword";

	static final String WRONG_OWN_PASSWORD = "Your password is not correct: enter the password you sign in with";

	static final long FRESH_MINUTES = 5;

	/** What the confirming part of a form shows (see {@code identity/reauth.html}). */
	public record View(boolean password, String providerName, String signInAgainUrl, boolean fresh, String signedInAt,
			String freshUntil, long freshMinutes) {
	}

	private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm", java.util.Locale.UK)
		.withZone(java.time.ZoneId.of("Europe/London"));

	private final StaffAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final SignInThrottle throttle;

	Reauthentication(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
	}

	/** Why the administrator's own password (or recent sign-in) does not confirm a sensitive change, if it does not. */
	Optional<Problem> problem(String administrator, @Nullable String password) {
		Optional<StaffOidcUser> provider = providerSignIn(administrator);
		if (provider.isPresent()) {
			return fresh(provider.get()) ? Optional.empty()
					: Optional.of(new Problem(FIELD, "Sign in again with your identity provider to confirm this change "
							+ "(a sign-in counts for " + FRESH_MINUTES + " minutes)"));
		}
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

	/** How the signed-in administrator confirms: the view for the form. */
	View view(String providerName, String signInAgainUrl) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffOidcUser user) {
			java.time.Instant at = signedInAt(user);
			return new View(false, providerName, signInAgainUrl, fresh(user), TIME.format(at),
					TIME.format(at.plus(java.time.Duration.ofMinutes(FRESH_MINUTES))), FRESH_MINUTES);
		}
		return new View(true, "", "", false, "", "", FRESH_MINUTES);
	}

	private static Optional<StaffOidcUser> providerSignIn(String administrator) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof StaffOidcUser user
				&& user.getName().equalsIgnoreCase(administrator)) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	private static boolean fresh(StaffOidcUser user) {
		return signedInAt(user).isAfter(java.time.Instant.now().minus(java.time.Duration.ofMinutes(FRESH_MINUTES)));
	}

	/** When the person last proved who they are to the provider: auth_time, else the ID token's issue time. */
	static java.time.Instant signedInAt(StaffOidcUser user) {
		java.time.Instant authTime = user.getAuthenticatedAt();
		if (authTime != null) {
			return authTime;
		}
		java.time.Instant issued = user.getIssuedAt();
		return issued == null ? java.time.Instant.EPOCH : issued;
	}

}

package uk.nhs.bob.primarycare.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.shared.Role;

/** A user as ICB administrators see it on the user management pages. */
record ManagedUser(long id, String username, String displayName, Set<Role> roles, OrganisationScope scope,
		String scopeName, boolean enabled, int failedSignIns, @Nullable Instant lastFailedSignInAt,
		boolean passwordChangeRequired, Instant createdAt, long version, @Nullable String email,
		boolean signsInWithProvider) {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
		.withZone(UK);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(UK);

	/** Role labels in the order of {@link Role}, for display. */
	public List<String> roleLabels() {
		return roles.stream().sorted().map(Role::label).toList();
	}

	/** Enough failed sign-ins in a row that some client may be held back by the sign-in throttle. */
	public boolean locked() {
		return failedSignIns >= SignInThrottle.ACCOUNT_ATTEMPTS;
	}

	public String lastFailedSignInText() {
		return lastFailedSignInAt == null ? "" : DATE_TIME.format(lastFailedSignInAt);
	}

	public String createdText() {
		return DATE.format(createdAt);
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

}

package uk.nhs.bob.primarycare.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Which audit entries to find; every part is optional. {@code username} matches ignoring case; {@code from} is
 * inclusive and {@code until} exclusive.
 */
record AuditQuery(@Nullable String username, @Nullable NhsNumber nhsNumber,
		@Nullable String requestReference, @Nullable Instant from, @Nullable Instant until) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

	public AuditQuery(@Nullable String username, @Nullable NhsNumber nhsNumber, @Nullable Instant from,
			@Nullable Instant until) {
		this(username, nhsNumber, null, from, until);
	}

}

package uk.nhs.bob.primarycare.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * Access to a person's record refused (403), naming the person, so the platform's refusal handler can record whose
 * record it was. {@code audited} says the refusal was already recorded where it was decided.
 */
public class RefusedAccess extends AccessDeniedException {

	private final transient @Nullable NhsNumber nhsNumber;

	private final @Nullable String requestReference;

	private final boolean audited;

	public RefusedAccess(String reason, @Nullable NhsNumber nhsNumber, @Nullable String requestReference,
			boolean audited) {
		super(reason);
		this.nhsNumber = nhsNumber;
		this.requestReference = requestReference;
		this.audited = audited;
	}

	public RefusedAccess(String reason, NhsNumber nhsNumber) {
		this(reason, nhsNumber, null, false);
	}

	public @Nullable NhsNumber nhsNumber() {
		return nhsNumber;
	}

	public @Nullable String requestReference() {
		return requestReference;
	}

	public boolean audited() {
		return audited;
	}

}

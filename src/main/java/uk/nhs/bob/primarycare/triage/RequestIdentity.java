package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * How the person on a new request was identified, with both sides of a mismatch: the NHS number sent, and the name
 * and date of birth the record holds for it.
 */
record RequestIdentity(TriageRequest.Identity identity, @Nullable NhsNumber sentNhsNumber, @Nullable String heldGivenName,
		@Nullable String heldFamilyName, @Nullable LocalDate heldDateOfBirth, @Nullable String note) {

	static RequestIdentity matched() {
		return new RequestIdentity(TriageRequest.Identity.MATCHED, null, null, null, null, null);
	}

	static RequestIdentity notRegistered() {
		return new RequestIdentity(TriageRequest.Identity.NOT_REGISTERED, null, null, null, null, null);
	}

}

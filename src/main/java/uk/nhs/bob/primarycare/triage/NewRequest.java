package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

/**
 * A request as it arrives from one of the three ways in. The person is identified by the platform's identity rule
 * (NHS number, date of birth and name all agree with the population); a matched person's request goes to the hub of
 * their registered practice, any other to the hub of the practice given, otherwise of the site chosen (coordinator's
 * hub, the area picked on the online form, or {@code siteCode} in the API).
 *
 * @param submissionKey the form token or API idempotency key: a second request with the same key is the first one
 * @param submissionHash the hash of the API body sent with the key: the same key with another body is refused
 */
record NewRequest(TriageRequest.Channel channel, @Nullable String submissionKey, @Nullable String submittedBy,
		RequestedPerson person, @Nullable String practiceCode, @Nullable String siteCode, RequestDetails details,
		@Nullable String submissionHash) {

	NewRequest(TriageRequest.Channel channel, @Nullable String submissionKey, @Nullable String submittedBy,
			RequestedPerson person, @Nullable String practiceCode, @Nullable String siteCode, RequestDetails details) {
		this(channel, submissionKey, submittedBy, person, practiceCode, siteCode, details, null);
	}

}

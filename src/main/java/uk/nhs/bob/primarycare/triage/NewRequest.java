package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

/**
 * A request as it arrives from one of the three ways in. The hub comes from the person's registered practice when the
 * NHS number and date of birth match someone in the population; otherwise from the practice given, otherwise from the
 * site chosen (coordinator's hub, the area picked on the online form, or {@code siteCode} in the API).
 *
 * @param submissionKey the form token or API idempotency key: a second request with the same key is the first one
 */
record NewRequest(TriageRequest.Channel channel, @Nullable String submissionKey, @Nullable String submittedBy,
		RequestedPerson person, @Nullable String practiceCode, @Nullable String siteCode, RequestDetails details) {
}

package uk.nhs.bob.primarycare.triage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A same-day request typed into the coordinator's form or the public online form. Everything is text so that what
 * was typed comes back unchanged when the form fails validation ({@link RequestFormCheck} checks it). The form token
 * makes a double submit one request.
 */
record RequestForm(@Nullable String formToken, @Nullable String nhsNumber, @Nullable String givenName,
		@Nullable String familyName, @Nullable String day, @Nullable String month, @Nullable String year,
		@Nullable String sex, @Nullable String postcode, @Nullable String practiceCode, @Nullable String siteCode,
		@Nullable String forWhom, @Nullable String problem, @Nullable String onset, @Nullable String description,
		@Nullable String symptomDays, @Nullable List<String> redFlags, @Nullable String pregnant,
		@Nullable String immunosuppressed, @Nullable String urinaryCatheter, @Nullable String episodesLast6Months,
		@Nullable String episodesLast12Months, @Nullable String feverPainScore, @Nullable String rashOnsetDays,
		@Nullable String contactPhone, @Nullable String kind) {

	/** {@code kind} of the coordinator's form for someone found in the population (otherwise typed in). */
	static final String REGISTERED = "registered";

	/** The answer that no red-flag symptom applies, so an unanswered question is never taken as 'none'. */
	static final String NO_RED_FLAGS = "NONE";

	static RequestForm empty(String formToken, @Nullable String nhsNumber, @Nullable String siteCode) {
		return new RequestForm(formToken, nhsNumber, null, null, null, null, null, null, null, null, siteCode, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null,
				nhsNumber == null ? null : REGISTERED);
	}

	boolean registered() {
		return REGISTERED.equals(kind);
	}

	/** Whether this red flag was ticked, for re-showing the checkboxes. */
	public boolean ticked(String code) {
		return redFlags != null && redFlags.contains(code);
	}

}

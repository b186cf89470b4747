package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

/** Finding the person a coordinator records a request for: an NHS number, or a family name and date of birth. */
record PersonLookupForm(@Nullable String nhsNumber, @Nullable String familyName, @Nullable String day,
		@Nullable String month, @Nullable String year) {
}

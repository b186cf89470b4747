package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/** Who a request is for: a person found in the population (with an NHS number) or the details given for someone else. */
record RequestedPerson(@Nullable NhsNumber nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, Sex sex,
		@Nullable String postcode) {
}

package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** A team member added a person to an INT caseload. {@code siteCode} is the team's directory neighbourhood site. */
public record CaseloadPersonAdded(UUID caseloadEntryId, UUID teamId, String siteCode, NhsNumber nhsNumber,
		LocalDate addedOn) {
}

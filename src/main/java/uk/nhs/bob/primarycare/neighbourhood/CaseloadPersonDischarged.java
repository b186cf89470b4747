package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** A person was discharged from an INT caseload, with the reason given. */
public record CaseloadPersonDischarged(UUID caseloadEntryId, UUID teamId, String siteCode, NhsNumber nhsNumber,
		LocalDate dischargedOn, String reason) {
}

package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** A person was discharged from an INT caseload, with the reason given. */
@NamedInterface("events")
public record CaseloadPersonDischarged(UUID caseloadEntryId, UUID teamId, String siteCode, NhsNumber nhsNumber,
		LocalDate dischargedOn, String reason) {
}

package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** A team member added a person to an INT caseload. {@code siteCode} is the team's directory neighbourhood site. */
@NamedInterface("events")
public record CaseloadPersonAdded(UUID caseloadEntryId, UUID teamId, String siteCode, NhsNumber nhsNumber,
		LocalDate addedOn) {
}

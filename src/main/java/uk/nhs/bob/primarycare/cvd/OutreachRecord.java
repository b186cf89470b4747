package uk.nhs.bob.primarycare.cvd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/** One outreach recorded for a person, as other modules see it: what was offered, with what outcome and when. */
@NamedInterface("outreach")
public record OutreachRecord(UUID id, NhsNumber nhsNumber, String practiceCode, String siteCode, OutreachType type,
		OutreachOutcome outcome, LocalDate outcomeDate, Instant recordedAt) {
}

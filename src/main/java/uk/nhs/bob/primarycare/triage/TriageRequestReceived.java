package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.util.UUID;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A same-day request was recorded for a person known to the population (requests for unregistered people publish
 * nothing), in the transaction that stored it. Integrated Neighbourhood Teams use it to alert the keyworker of a
 * person on their caseload. {@code siteCode} is the directory code of the hub's neighbourhood site.
 */
public record TriageRequestReceived(UUID requestId, NhsNumber nhsNumber, String siteCode, String problem,
		boolean redFlag, Instant receivedAt) {
}

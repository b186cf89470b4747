package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A same-day request was recorded for a person the identity rule matched to the population (or a coordinator confirmed
 * later); requests for people not registered, or whose identity is not verified, publish nothing. Published in the
 * transaction that stored it. {@code problem} is the problem's code, {@code problemLabel} what people read. Integrated Neighbourhood Teams use it to alert the keyworker of a
 * person on their caseload. {@code siteCode} is the directory code of the hub's neighbourhood site.
 */
@NamedInterface("events")
public record TriageRequestReceived(UUID requestId, NhsNumber nhsNumber, String siteCode, String problem,
		boolean redFlag, Instant receivedAt, String reference, String problemLabel) {
}

package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A request was completed with its final disposition. No personal data: the delivery programme counts these per
 * site and ISO week ({@code weekStarting} is the Monday of the week the request was received). Whether it was right
 * first time is only known later: see {@link TriageRequestNotRightFirstTime}.
 *
 * @param disposition the disposition code, for example {@code PHARMACY_FIRST}
 * @param awayFromGeneralPractice whether the person was sent somewhere other than a GP or practice nurse
 * @param secondsToDecision from the request being received to the triage decision
 */
@NamedInterface("events")
public record TriageRequestCompleted(UUID requestId, String siteCode, String placeCode, LocalDate weekStarting,
		String disposition, boolean awayFromGeneralPractice, boolean redFlag, boolean overridden,
		long secondsToDecision, Instant completedAt) {
}

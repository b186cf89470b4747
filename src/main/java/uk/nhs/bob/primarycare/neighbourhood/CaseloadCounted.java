package uk.nhs.bob.primarycare.neighbourhood;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/**
 * A snapshot of one team's caseload, published for each team at least once an ISO week (and on demand), so the
 * delivery programme can chart the standing counts without holding personal data.
 */
@NamedInterface("events")
public record CaseloadCounted(String siteCode, LocalDate weekStarting, int peopleOnCaseload, int plansAgreed,
		int reviewsOverdue, Instant countedAt) {
}

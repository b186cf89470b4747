package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The same person made a new request within 7 days of an earlier one, so the earlier request is counted as not right
 * first time. {@code earlierWeekStarting} is the Monday of the week the earlier request was received, the week whose
 * right-first-time share changes.
 */
@NamedInterface("events")
public record TriageRequestNotRightFirstTime(UUID earlierRequestId, UUID laterRequestId, String siteCode,
		LocalDate earlierWeekStarting) {
}

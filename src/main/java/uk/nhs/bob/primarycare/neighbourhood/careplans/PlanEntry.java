package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A caseload entry as the plan pages and the FHIR CarePlan read it, a projection read in the view's transaction: the
 * templates never touch the entity, and being public and immutable every expression over it is compiled.
 */
public record PlanEntry(UUID id, UUID carePlanId, UUID teamId, NhsNumber nhsNumber, CaseloadStatus status,
		@Nullable UUID keyworkerId, LocalDate addedOn, String addedBy, String addedReason, @Nullable LocalDate dischargedOn,
		@Nullable String dischargeReason, @Nullable LocalDate nextReviewDate, @Nullable LocalDate agreedOn,
		@Nullable LocalDate lastReviewedOn, Instant updatedAt, long version) {

	/** Open, with a next review date before {@code today}. */
	public boolean reviewOverdue(LocalDate today) {
		return status.open() && nextReviewDate != null && nextReviewDate.isBefore(today);
	}

}

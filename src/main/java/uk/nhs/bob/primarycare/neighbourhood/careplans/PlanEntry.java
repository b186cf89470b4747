package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;

/**
 * A caseload entry as the plan pages and the FHIR CarePlan read it, copied in the read's transaction: the templates
 * never touch the entity, and being public and immutable every expression over it is compiled.
 */
public record PlanEntry(UUID id, UUID carePlanId, UUID teamId, String nhsNumber, CaseloadStatus status,
		@Nullable UUID keyworkerId, LocalDate addedOn, String addedBy, String addedReason, @Nullable LocalDate dischargedOn,
		@Nullable String dischargeReason, @Nullable LocalDate nextReviewDate, @Nullable LocalDate agreedOn,
		@Nullable LocalDate lastReviewedOn, Instant updatedAt, long version) {

	static PlanEntry of(CaseloadEntry entry) {
		return new PlanEntry(entry.getId(), entry.getCarePlanId(), entry.getTeamId(), entry.getNhsNumber().value(),
				entry.getStatus(), entry.getKeyworkerId(), entry.getAddedOn(), entry.getAddedBy(), entry.getAddedReason(),
				entry.getDischargedOn(), entry.getDischargeReason(), entry.getNextReviewDate(), entry.getAgreedOn(),
				entry.getLastReviewedOn(), entry.getUpdatedAt(), entry.getVersion());
	}

	/** Open, with a next review date before {@code today}. */
	public boolean reviewOverdue(LocalDate today) {
		return status.open() && nextReviewDate != null && nextReviewDate.isBefore(today);
	}

}

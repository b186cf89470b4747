package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/** A care plan's review was recorded; {@code nextReviewDue} is the review date now set. */
@NamedInterface("events")
public record CarePlanReviewed(UUID carePlanId, UUID teamId, String siteCode, LocalDate reviewedOn,
		LocalDate nextReviewDue) {
}

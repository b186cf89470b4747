package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Outreach to a person was recorded (an invitation, a referral or a review, see {@code outreachType}). No personal
 * data: the delivery programme counts outreach done per site and week.
 */
@NamedInterface("events")
public record CvdOutreachRecorded(UUID outreachId, String practiceCode, String siteCode, String outreachType,
		LocalDate recordedOn) {
}

package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/** A personalised care and support plan was agreed with the person (its status first became plan agreed). */
@NamedInterface("events")
public record CarePlanAgreed(UUID carePlanId, UUID teamId, String siteCode, LocalDate agreedOn) {
}

package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Where the person was referred on completion: the directory service (if any), safety-net advice and follow-up date. */
record Referral(@Nullable Long serviceId, @Nullable String serviceName, String safetyNet, LocalDate followUpDate) {
}

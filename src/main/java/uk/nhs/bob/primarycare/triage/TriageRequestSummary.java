package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * What another module may know about one request to tell the person about it: who it is for and how to reach them as
 * given on the request, the hub, the suggestion made at intake and, once completed, where the person was sent.
 * Identifiable: whoever renders it to staff audits the view.
 *
 * @param identityVerified whether the platform's identity rule matched the person to their record (NHS number, date
 * of birth and name), at intake or when a coordinator confirmed it
 * @param nhsNumber set only when the identity is verified: a number that does not match, or matches nobody, is never
 * treated as the record's person
 * @param unregisteredNhsNumber the NHS number given on a request whose number matches nobody in BOB, kept as given: it
 * names no record, and triage audits views of the request under it
 * @param contactPhone the phone number given on the request, in the UK national format (0118 496 0123)
 * @param status {@code OPEN}, {@code AWAITING_SUPERVISION} or {@code COMPLETED}
 */
@NamedInterface("requests")
public record TriageRequestSummary(UUID id, String reference, String channel, boolean identityVerified,
		@Nullable NhsNumber nhsNumber, @Nullable String unregisteredNhsNumber, String givenName, String familyName,
		boolean forSomeoneElse, @Nullable String contactPhone, @Nullable String practiceCode, String siteCode,
		String placeCode, String problemLabel, boolean redFlag, Disposition suggestedDisposition, Instant receivedAt,
		String status, @Nullable Disposition decidedDisposition, @Nullable Long serviceId,
		@Nullable String serviceName, @Nullable String safetyNet, @Nullable LocalDate followUpDate,
		@Nullable Instant completedAt) {

	public boolean completed() {
		return "COMPLETED".equals(status);
	}

	public boolean fromOnlineForm() {
		return "ONLINE_FORM".equals(channel);
	}

}

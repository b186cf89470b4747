package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What another module may know about one request to tell the person about it: who it is for and how to reach them as
 * given on the request, the hub, the suggestion made at intake and, once completed, where the person was sent.
 * Identifiable: whoever renders it to staff audits the view.
 *
 * @param nhsNumber set only when the request is linked to a registered person (NHS number and date of birth matched)
 * @param contactPhone the phone number given on the request, as typed
 * @param status {@code OPEN}, {@code AWAITING_SUPERVISION} or {@code COMPLETED}
 */
public record TriageRequestSummary(UUID id, String reference, String channel, @Nullable String nhsNumber,
		String givenName, String familyName, boolean forSomeoneElse, @Nullable String contactPhone,
		@Nullable String practiceCode, String siteCode, String placeCode, String problemLabel, boolean redFlag,
		Disposition suggestedDisposition, Instant receivedAt,
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

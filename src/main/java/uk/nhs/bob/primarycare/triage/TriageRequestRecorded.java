package uk.nhs.bob.primarycare.triage;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A same-day request was recorded, whoever it is for (registered or not), in the transaction that stored it. No
 * personal data: a module that must reach the person (messages to patients) reads the request through
 * {@link TriageRequestSummaries}. {@code channel} is how it came in: {@code COORDINATOR}, {@code ONLINE_FORM} or
 * {@code API}.
 */
@NamedInterface("events")
public record TriageRequestRecorded(UUID requestId, String channel, String siteCode, boolean redFlag,
		Instant receivedAt) {

	public boolean fromOnlineForm() {
		return "ONLINE_FORM".equals(channel);
	}

}

package uk.nhs.bob.primarycare.messaging;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/** One message as stored: what it is, where it went (or why not), exactly what was or would have been sent, and its status. */
record MessageRecord(UUID id, String reference, MessageKind kind, @Nullable Channel channel,
		@Nullable NhsNumber nhsNumber, @Nullable UUID requestId, @Nullable String requestReference, String siteCode,
		String placeCode, @Nullable String practiceCode, @Nullable String recipient, @Nullable String basis,
		@Nullable String templateName, @Nullable String templateId, Map<String, String> personalisation,
		@Nullable String subject, String body, boolean hasLetter, MessageStatus status,
		@Nullable String statusReason, @Nullable UUID notifyId, int attempts, @Nullable Instant nextAttemptAt,
		Instant createdAt, @Nullable String createdBy, @Nullable Instant sentAt, Instant statusAt,
		@Nullable Instant completedAt) {

	public LocalDateTime createdAtUk() {
		return LocalDateTime.ofInstant(createdAt, ServiceDirectory.UK_TIME);
	}

	public LocalDateTime statusAtUk() {
		return LocalDateTime.ofInstant(statusAt, ServiceDirectory.UK_TIME);
	}

	public @Nullable LocalDateTime nextAttemptAtUk() {
		return nextAttemptAt == null ? null : LocalDateTime.ofInstant(nextAttemptAt, ServiceDirectory.UK_TIME);
	}

	/** What a person would read in a list: a short start of the text. */
	public String preview() {
		String text = body.replaceAll("\\s+", " ").strip();
		return text.length() <= 90 ? text : text.substring(0, 87) + "...";
	}

}

package uk.nhs.bob.primarycare.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * GOV.UK Notify's delivery receipts (its "delivery status" callback): each updates one message's status. Fields
 * Notify adds in future are ignored rather than refused, so a change on Notify's side never loses receipts; a
 * receipt without an id or with an unknown status is refused with the field named.
 */
@RestController
class ReceiptController {

	private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

	/** The receipt as Notify sends it (snake case). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Receipt(@NotBlank(message = "is required") @Pattern(regexp = UUID_PATTERN,
			message = "must be a notification id (a UUID)") @Nullable String id,
			@Nullable String reference,
			@NotBlank(message = "is required") @Pattern(
					regexp = "created|sending|pending|sent|delivered|permanent-failure|temporary-failure|technical-failure"
							+ "|accepted|received|cancelled|pending-virus-check|virus-scan-failed|validation-failed",
					message = "must be one of GOV.UK Notify's statuses") @Nullable String status,
			@JsonProperty("completed_at") @Nullable String completedAt,
			@JsonProperty("notification_type") @Nullable String notificationType) {
	}

	private final Messages messages;

	ReceiptController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping(ReceiptSecurity.PATH)
	ResponseEntity<?> receive(@Valid @RequestBody Receipt receipt) {
		MessageStatus status = MessageStatus.fromNotify(receipt.status()).orElseThrow();
		Messages.ReceiptOutcome outcome = messages.receipt(UUID.fromString(receipt.id()), receipt.reference(), status,
				instant(receipt.completedAt()), reason(status));
		if (outcome == Messages.ReceiptOutcome.NO_SUCH_MESSAGE) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No message has this notification id or reference.");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		return ResponseEntity.noContent().build();
	}

	/** What a failure means for the person, in the words of Notify's own status descriptions. */
	static @Nullable String reason(MessageStatus status) {
		return switch (status) {
			case PERMANENT_FAILURE -> "The provider could not deliver it: the number or address may be wrong";
			case TEMPORARY_FAILURE -> "The phone or inbox was not accepting messages (switched off, no signal or full)";
			case TECHNICAL_FAILURE -> "A problem between GOV.UK Notify and the provider: it was not sent";
			case VALIDATION_FAILED -> "The letter did not meet GOV.UK Notify's letter specification";
			case VIRUS_SCAN_FAILED -> "The letter failed GOV.UK Notify's virus scan";
			case CANCELLED -> "The letter was cancelled before printing";
			default -> null;
		};
	}

	private static @Nullable Instant instant(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			// Notify writes times like 2017-05-14T12:15:30.000000Z
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}

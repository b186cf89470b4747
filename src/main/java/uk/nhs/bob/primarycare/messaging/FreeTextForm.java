package uk.nhs.bob.primarycare.messaging;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A coordinator's text message about a request. The form token, made when the form was shown, is the message's id:
 * a double click or a resend makes one message.
 */
record FreeTextForm(@NotBlank(message = "Write the message") @Size(max = FreeTextForm.MAX_LENGTH,
		message = "The message must be " + FreeTextForm.MAX_LENGTH
				+ " characters or fewer (4 text messages)") @Nullable String message,
		@Nullable String formToken) {

	static final int MAX_LENGTH = 612;

	static FreeTextForm empty() {
		return new FreeTextForm(null, UUID.randomUUID().toString());
	}

	/** The token as sent, or a new one when it is missing or was tampered with. */
	UUID token() {
		try {
			return formToken == null ? UUID.randomUUID() : UUID.fromString(formToken.trim());
		}
		catch (IllegalArgumentException ex) {
			return UUID.randomUUID();
		}
	}

}

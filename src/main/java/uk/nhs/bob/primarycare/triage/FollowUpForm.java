package uk.nhs.bob.primarycare.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The follow-up of a completed request: what it found, against the version of the request the page showed. */
record FollowUpForm(@Nullable String version,
		@NotBlank(message = FollowUpForm.NOTE_MESSAGE) @Size(max = 1000, message = FollowUpForm.NOTE_MESSAGE) @Nullable String followUpNote) {

	static final String NOTE_MESSAGE = "Say what the follow-up found (1000 characters or fewer)";

}

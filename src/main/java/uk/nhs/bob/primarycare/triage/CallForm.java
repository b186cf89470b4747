package uk.nhs.bob.primarycare.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.EnumText;

/** A call made to the person about their request: what happened, and a note. */
record CallForm(@NotBlank(message = CallForm.OUTCOME_MESSAGE)
		@EnumText(value = CallOutcome.class, message = CallForm.OUTCOME_MESSAGE) @Nullable String outcome,
		@Size(max = 500, message = "The note must be 500 characters or fewer") @Nullable String callNote) {

	static final String OUTCOME_MESSAGE = "Choose what happened when you called";

}

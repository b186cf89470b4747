package uk.nhs.bob.primarycare.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.EnumText;

/**
 * A triage decision (coordinator) or a supervision (clinical supervisor): the disposition, the service referred to,
 * the reason for overriding the suggestion or the supervisor's note, and the safety-net advice and follow-up date
 * (blank means the pathway's default from the rule pack).
 */
@DateInput.Upcoming(label = "Follow-up date")
record DecisionForm(@Nullable String version,
		@NotBlank(message = DISPOSITION_MESSAGE)
		@EnumText(value = Disposition.class, message = DISPOSITION_MESSAGE) @Nullable String disposition,
		@Pattern(regexp = "\\s*(\\d{1,18})?\\s*", message = "Choose a service from the list") @Nullable String serviceId,
		@Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String overrideReason,
		@NotBlank(message = "Enter a supervision note", groups = Supervision.class)
		@Size(max = 1000, message = "Note must be 1000 characters or fewer",
				groups = Supervision.class) @Nullable String note,
		@Size(max = 1000, message = "Safety-net advice must be 1000 characters or fewer") @Nullable String safetyNet,
		@Nullable String day, @Nullable String month, @Nullable String year) implements DateInput.Parts {

	static final String DISPOSITION_MESSAGE = "Choose where to send the person";

	/** The checks of a supervision, beside the default ones of every decision. */
	interface Supervision {
	}

	static DecisionForm suggesting(long version, Disposition suggested) {
		return new DecisionForm(Long.toString(version), suggested.name(), null, null, null, null, null, null, null);
	}

	DecisionForm withVersion(long latest) {
		return new DecisionForm(Long.toString(latest), disposition, serviceId, overrideReason, note, safetyNet, day,
				month, year);
	}

}

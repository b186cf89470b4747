package uk.nhs.bob.primarycare.cvd;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.EnumText;

/** Outreach to record for a person: what, for which rule, the outcome and its date, and a short note. */
@CvdDates.Recent(label = "outcome date")
record OutreachForm(
		@NotBlank(message = "Choose the outreach")
		@EnumText(value = OutreachType.class, message = "Choose the outreach") @Nullable String type,
		@RuleCode(message = "Choose a rule from the list") @Nullable String ruleCode,
		@NotBlank(message = "Choose the outcome")
		@EnumText(value = OutreachOutcome.class, message = "Choose the outcome") @Nullable String outcome,
		@Nullable String day, @Nullable String month, @Nullable String year,
		@Size(max = 500, message = "The note must be 500 characters or fewer") @Nullable String note)
		implements DateInput.Parts {

	static OutreachForm empty() {
		return new OutreachForm(null, null, null, null, null, null, null);
	}

}

package uk.nhs.bob.primarycare.programme.spc;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.FormDates;

/** Recalculating a measure's limits from a week: any day of the week, and why (required). */
@DateFields(@DateFields.Date(value = "week", message = "Enter a real date in the week, for example 16 11 2026"))
record RebaseForm(@Nullable String weekDay, @Nullable String weekMonth, @Nullable String weekYear,
		@NotBlank(message = "Enter why the limits are recalculated from this week, for example the change that was adopted") @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason) {

	static RebaseForm empty() {
		return new RebaseForm("", "", "", "");
	}

	LocalDate day() {
		return FormDates.parse(weekDay, weekMonth, weekYear).orElseThrow();
	}

}

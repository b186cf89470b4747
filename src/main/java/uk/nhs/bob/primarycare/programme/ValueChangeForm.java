package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A correction of a value entered by hand: the new value (blank with remove), why, and the version corrected. */
record ValueChangeForm(@Size(max = 20, message = "Value must be a number") @Nullable String value,
		@NotBlank(message = "Enter why the value is corrected") @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version) {

	ValueChangeForm withVersion(long latest) {
		return new ValueChangeForm(value, reason, latest);
	}

}

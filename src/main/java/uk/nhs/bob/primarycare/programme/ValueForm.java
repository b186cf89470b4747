package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A weekly value entered by hand: any day of the week, and the value. */
record ValueForm(@Nullable String weekDay, @Nullable String weekMonth, @Nullable String weekYear,
		@NotBlank(message = "Enter the value") @Size(max = 20, message = "Value must be a number") @Nullable String value) {

	static ValueForm empty() {
		return new ValueForm("", "", "", "");
	}

}

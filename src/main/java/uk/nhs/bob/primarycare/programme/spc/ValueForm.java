package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.DateFields;
import uk.nhs.bob.primarycare.programme.FormDates;

/** A weekly value entered by hand: any day of the week, and the value. */
@DateFields(@DateFields.Date(value = "week", message = "Enter a real date in the week, for example 16 11 2026"))
record ValueForm(@Nullable String weekDay, @Nullable String weekMonth, @Nullable String weekYear,
		@NotBlank(message = "Enter the value") @Pattern(regexp = "^\\s*-?\\d{1,10}(\\.\\d{1,4})?\\s*$", message = "Value must be a number, like 42 or 12.5") @Nullable String value) {

	static ValueForm empty() {
		return new ValueForm("", "", "", "");
	}

	BigDecimal number() {
		return new BigDecimal(value.strip());
	}

	LocalDate day() {
		return FormDates.parse(weekDay, weekMonth, weekYear).orElseThrow();
	}

}

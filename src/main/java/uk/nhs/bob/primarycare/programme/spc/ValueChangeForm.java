package uk.nhs.bob.primarycare.programme.spc;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A correction of a value entered by hand: the new value (none to remove it), why, and the version corrected. */
record ValueChangeForm(
		@Pattern(regexp = "^\\s*(-?\\d{1,10}(\\.\\d{1,4})?)?\\s*$", message = "Value must be a number, like 42 or 12.5") @Nullable String value,
		@NotBlank(message = "Enter why the value is corrected") @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<ValueChangeForm> {

	/** The corrected value, or null when none was typed. */
	@Nullable BigDecimal number() {
		return value == null || value.isBlank() ? null : new BigDecimal(value.strip());
	}

	@Override
	public ValueChangeForm withVersion(long latest) {
		return new ValueChangeForm(value, reason, latest);
	}

}

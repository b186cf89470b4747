package uk.nhs.bob.primarycare.programme.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** The new wording of a driver or change idea, and the version it was read at. */
record DriverTextForm(
		@NotBlank(message = "Enter the driver or change idea") @Size(max = 500, message = "Text must be 500 characters or fewer") @Nullable String text,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<DriverTextForm> {

	@Override
	public DriverTextForm withVersion(long latest) {
		return new DriverTextForm(text, latest);
	}

}

package uk.nhs.bob.primarycare.programme.improvement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A primary driver, secondary driver or change idea, and what it sits under. The version is set when editing. */
record DriverForm(@NotNull(message = "Choose a level of the driver diagram") Improvement.@Nullable Level level,
		@Nullable Long parentId,
		@NotBlank(message = "Enter the driver or change idea") @Size(max = 500, message = "Text must be 500 characters or fewer") @Nullable String text,
		@Nullable Long version) {

	static DriverForm empty() {
		return new DriverForm(null, null, "", null);
	}

}

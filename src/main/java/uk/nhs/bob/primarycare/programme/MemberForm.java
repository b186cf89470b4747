package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A member of a local action team (staff, not patients). */
record MemberForm(@NotBlank(message = "Enter the member name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@NotBlank(message = "Enter their role") @Size(max = 120, message = "Role must be 120 characters or fewer") @Nullable String jobRole,
		@NotBlank(message = "Enter their organisation") @Size(max = 200, message = "Organisation must be 200 characters or fewer") @Nullable String organisation,
		@NotNull(message = "Choose where they come from") @Nullable Sector sector) {

	static MemberForm empty() {
		return new MemberForm("", "", "", null);
	}

}

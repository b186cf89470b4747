package uk.nhs.bob.primarycare.programme;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Retiring, withdrawing or removing something: why (kept in its history), and the version it applies to. */
public record ReasonForm(@NotBlank(message = "Enter the reason") @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<ReasonForm> {

	@Override
	public ReasonForm withVersion(long latest) {
		return new ReasonForm(reason, latest);
	}

	public static ReasonForm of(long version) {
		return new ReasonForm("", version);
	}

}

package uk.nhs.bob.primarycare.programme.sites;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** Moving an enrolment to another cohort of the same workstream, with why. */
record TransferForm(@NotNull(message = "Choose the cohort to move the site to") @Nullable Long toCohortId,
		@NotBlank(message = "Enter why the site moves") @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason,
		@NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<TransferForm> {

	@Override
	public TransferForm withVersion(long latest) {
		return new TransferForm(toCohortId, reason, latest);
	}

}

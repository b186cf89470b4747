package uk.nhs.bob.primarycare.programme.cohorts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/** A workstream's name and description. */
record WorkstreamForm(@NotBlank(message = "Enter the workstream name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@NotBlank(message = "Enter a description") @Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@jakarta.validation.constraints.NotNull(message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<WorkstreamForm> {

	static WorkstreamForm of(Workstream workstream) {
		return new WorkstreamForm(workstream.name(), workstream.description(), workstream.version());
	}

	@Override
	public WorkstreamForm withVersion(long latest) {
		return new WorkstreamForm(name, description, latest);
	}

}

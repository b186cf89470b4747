package uk.nhs.bob.primarycare.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.NhsNumberText;

/**
 * Confirming or correcting who a request is for. Confirming needs only the note ({@code Default} group);
 * correcting checks the details too ({@link Correction}). Serializable because a refused form goes back to the
 * request page as a flash attribute, which lives in the shared session; public because the page reads it back.
 */
@DateInput.DateOfBirth(groups = IdentityForm.Correction.class)
public record IdentityForm(@Nullable String version,
		@NotBlank(message = IdentityForm.NOTE_MESSAGE) @Size(max = 500, message = IdentityForm.NOTE_MESSAGE) @Nullable String note,
		@NhsNumberText(message = RequestForm.NHS_NUMBER_MESSAGE, groups = Correction.class) @Nullable String nhsNumber,
		@NotBlank(message = IdentityForm.NAMES_MESSAGE, groups = Correction.class)
		@Size(max = 100, message = IdentityForm.NAMES_MESSAGE, groups = Correction.class) @Nullable String givenName,
		@NotBlank(message = IdentityForm.NAMES_MESSAGE, groups = Correction.class)
		@Size(max = 100, message = IdentityForm.NAMES_MESSAGE, groups = Correction.class) @Nullable String familyName,
		@Nullable String day, @Nullable String month, @Nullable String year)
		implements java.io.Serializable, DateInput.Parts {

	static final String NOTE_MESSAGE = "Say how you checked it is this person (500 characters or fewer), for "
			+ "example: called back, date of birth confirmed";

	static final String NAMES_MESSAGE = "Enter the first and last name (100 characters or fewer each)";

	/** The checks of a correction, beside the note's. */
	interface Correction {
	}

}

package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeText;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeText;

/**
 * What an administrator types to add or edit a GP practice, kept as typed. On an edit the ODS code comes from the
 * address, not the form: it is the practice's identity.
 */
record PracticeForm(
		@NotBlank(message = "Enter the practice's ODS code", groups = Adding.class)
		@OdsCodeText(groups = Adding.class)
		@NotInDirectory(value = Kind.PRACTICE, message = "The ODS code %1$s already belongs to %2$s: check the code",
				groups = Adding.class) @Nullable String odsCode,
		@NotBlank(message = "Enter the name of the practice") @Size(max = 150,
				message = "The name must be 150 characters or fewer") @Nullable String name,
		@NotBlank(message = "Enter a postcode") @PostcodeText @Nullable String postcode,
		@NotBlank(message = "Select a PCN for the practice")
		@InDirectory(value = Kind.PCN, message = "Select a PCN for the practice") @Nullable String pcnCode,
		@Nullable String version) {

	static PracticeForm empty() {
		return new PracticeForm(null, null, null, null, null);
	}

	static PracticeForm of(PracticeSummary practice, long version) {
		return new PracticeForm(practice.odsCode().value(), practice.name(), practice.postcode().value(),
				practice.pcnCode(), Long.toString(version));
	}

	PracticeForm withVersion(long newVersion) {
		return new PracticeForm(odsCode, name, postcode, pcnCode, Long.toString(newVersion));
	}

	long expectedVersion() {
		try {
			return version == null ? -1 : Long.parseLong(version.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The typed details, only when Bean Validation found the whole form valid (the ODS code for a new practice; an
	 * edit passes the existing one).
	 */
	Optional<PracticeDetails> check(Errors errors, @Nullable OdsCode existing) {
		OdsCode ods = existing;
		if (existing == null) {
			// its presence and shape are checked by its constraints (group Adding)
			ods = odsCode == null ? null : OdsCode.parse(odsCode).orElse(null);
		}
		// the postcode's shape is checked by its constraint
		Postcode code = postcode == null || postcode.isBlank() ? null : Postcode.parse(postcode).orElse(null);
		if (errors.hasErrors() || ods == null || code == null || name == null || pcnCode == null) {
			return Optional.empty();
		}
		return Optional.of(new PracticeDetails(ods, name.trim(), code, pcnCode));
	}

}

package uk.nhs.bob.primarycare.directory;

import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeText;

/**
 * What an administrator types to add or edit a Primary Care Network, kept as typed. On an edit the ODS code comes
 * from the address, not the form: practices and users' scopes refer to the PCN by it.
 */
record PcnForm(
		@NotBlank(message = "Enter the PCN's ODS code", groups = Adding.class)
		@OdsCodeText(message = "Enter an ODS code of 3 to 10 letters and numbers, like U92001",
				groups = Adding.class)
		@NotInDirectory(value = Kind.PCN, message = "The ODS code %1$s already belongs to %2$s: check the code",
				groups = Adding.class) @Nullable String odsCode,
		@NotBlank(message = "Enter the name of the PCN") @Size(max = 150,
				message = "The name must be 150 characters or fewer") @Nullable String name,
		@NotBlank(message = "Select a neighbourhood site for the PCN")
		@InDirectory(value = Kind.SITE, message = "Select a neighbourhood site for the PCN") @Nullable String siteCode,
		@Nullable String version) {

	static PcnForm empty(@Nullable String siteCode) {
		return new PcnForm(null, null, siteCode, null);
	}

	static PcnForm of(PcnSummary pcn, long version) {
		return new PcnForm(pcn.odsCode(), pcn.name(), pcn.siteCode(), Long.toString(version));
	}

	PcnForm withVersion(long newVersion) {
		return new PcnForm(odsCode, name, siteCode, Long.toString(newVersion));
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
	 * The typed details, only when Bean Validation found the whole form valid (the ODS code for a new PCN; an edit
	 * passes the existing one).
	 */
	Optional<PcnDetails> check(Errors errors, @Nullable OdsCode existing) {
		OdsCode ods = existing;
		if (existing == null) {
			// its presence and shape are checked by its constraints (group Adding)
			ods = odsCode == null ? null : OdsCode.parse(odsCode).orElse(null);
		}
		if (errors.hasErrors() || ods == null || name == null || siteCode == null) {
			return Optional.empty();
		}
		return Optional.of(new PcnDetails(ods, name.trim(), siteCode));
	}

}

package uk.nhs.bob.primarycare.directory;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;

/**
 * What an administrator types to add or edit a neighbourhood site, kept as typed. On an edit the code comes from the
 * address, not the form: users' scopes and other modules refer to the site by it.
 */
record SiteForm(
		@NotBlank(message = "Enter a code for the site", groups = Adding.class)
		@Pattern(regexp = "\\s*([A-Za-z0-9][A-Za-z0-9-]{0,18}[A-Za-z0-9])?\\s*",
				message = "Enter a code of 2 to 20 letters, numbers and hyphens, like OX-CTY",
				groups = Adding.class)
		@NotInDirectory(value = Kind.SITE, message = "The code %1$s already belongs to %2$s: choose another code",
				groups = Adding.class) @Nullable String code,
		@NotBlank(message = "Enter the name of the neighbourhood site") @Size(max = 150,
				message = "The name must be 150 characters or fewer") @Nullable String name,
		@NotBlank(message = "Select the Place the site is in")
		@InDirectory(value = Kind.PLACE, message = "Select the Place the site is in") @Nullable String placeCode,
		@Nullable String version) {

	/** 2 to 20 upper-case letters, digits and hyphens, starting and ending with a letter or digit, like OX-CTY. */
	private static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{0,18}[A-Z0-9]";

	static SiteForm empty(@Nullable String placeCode) {
		return new SiteForm(null, null, placeCode, null);
	}

	static SiteForm of(SiteSummary site, long version) {
		return new SiteForm(site.code(), site.name(), site.placeCode(), Long.toString(version));
	}

	SiteForm withVersion(long newVersion) {
		return new SiteForm(code, name, placeCode, Long.toString(newVersion));
	}

	long expectedVersion() {
		try {
			return version == null ? -1 : Long.parseLong(version.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A site code as typed (any case, spaces around) in its stored form, if it is one. */
	static Optional<String> parseCode(@Nullable String input) {
		if (input == null) {
			return Optional.empty();
		}
		String normalised = input.trim().toUpperCase(Locale.UK);
		return normalised.matches(CODE_PATTERN) ? Optional.of(normalised) : Optional.empty();
	}

	/**
	 * The typed details, only when Bean Validation found the whole form valid (the code for a new site; an edit
	 * passes the existing one).
	 */
	Optional<SiteDetails> check(Errors errors, @Nullable String existing) {
		String siteCode = existing;
		if (existing == null) {
			// its presence and shape are checked by its constraints (group Adding)
			siteCode = parseCode(code).orElse(null);
		}
		if (errors.hasErrors() || siteCode == null || name == null || placeCode == null) {
			return Optional.empty();
		}
		return Optional.of(new SiteDetails(siteCode, name.trim(), placeCode));
	}

}

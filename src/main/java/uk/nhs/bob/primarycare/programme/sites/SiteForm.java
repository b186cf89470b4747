package uk.nhs.bob.primarycare.programme.sites;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.VersionedForm;

/**
 * A programme site as typed: its name, Place and footprint (directory neighbourhood site codes such as BW-RDG or
 * PCN ODS codes, separated by commas or spaces).
 */
record SiteForm(@NotBlank(message = "Enter the site name") @Size(max = 120, message = "Name must be 120 characters or fewer") @Nullable String name,
		@NotBlank(message = "Choose the Place") @Nullable String placeCode,
		@NotBlank(message = "Enter at least one neighbourhood site or PCN code") @Size(max = 500, message = "Footprint must be 500 characters or fewer") @Nullable String footprint,
		@Size(max = 2000, message = "Description must be 2000 characters or fewer") @Nullable String description,
		@jakarta.validation.constraints.NotNull(groups = Editing.class, message = "This form is out of date or incomplete: open the page again and make your change") @Nullable Long version)
		implements VersionedForm<SiteForm> {

	static SiteForm empty(@Nullable String placeCode) {
		return new SiteForm("", placeCode == null ? "" : placeCode, "", "", 0L);
	}

	static SiteForm of(ProgrammeSite site) {
		Set<String> codes = new LinkedHashSet<>();
		site.footprint().stream().map(ProgrammeSite.FootprintCode::code).sorted().forEach(codes::add);
		return new SiteForm(site.name(), site.placeCode(), String.join(", ", codes), site.description(),
				site.version());
	}

	@Override
	public SiteForm withVersion(long latest) {
		return new SiteForm(name, placeCode, footprint, description, latest);
	}

	Programme.SiteDraft draft() {
		return new Programme.SiteDraft(trimmedName(), placeCode == null ? "" : placeCode.strip(), trimmedDescription(),
				footprintCodes());
	}

	String trimmedName() {
		return name == null ? "" : name.strip();
	}

	String trimmedDescription() {
		return description == null ? "" : description.strip();
	}

	Set<String> footprintCodes() {
		Set<String> codes = new LinkedHashSet<>();
		if (footprint != null) {
			for (String part : footprint.split("[,\\s]+")) {
				if (!part.isBlank()) {
					codes.add(part.strip().toUpperCase(java.util.Locale.ROOT));
				}
			}
		}
		return codes;
	}

}

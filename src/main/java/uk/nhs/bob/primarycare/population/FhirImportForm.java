package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.directory.InDirectory;

/** The upload form: a bundle file, and the practice to register people at whom the bundle places at none we know. */
record FhirImportForm(@FileChosen(message = "Select a FHIR bundle file (.json) to import") @Nullable MultipartFile bundle,
		@InDirectory(value = Kind.PRACTICE, message = "Select a practice from the list") @Nullable String practice) {

	static FhirImportForm empty() {
		return new FhirImportForm(null, null);
	}

}

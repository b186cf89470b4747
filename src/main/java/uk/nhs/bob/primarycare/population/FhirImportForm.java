package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** The upload form: a bundle file, and the practice to register people at whom the bundle places at none we know. */
record FhirImportForm(@Nullable MultipartFile bundle, @Nullable String practice) {

	static FhirImportForm empty() {
		return new FhirImportForm(null, null);
	}

}

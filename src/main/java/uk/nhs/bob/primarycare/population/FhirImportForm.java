package uk.nhs.bob.primarycare.population;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** The upload form: a bundle file, and for bundles without NHS numbers, test numbers at a chosen practice. */
record FhirImportForm(@Nullable MultipartFile bundle, @Nullable String allocateTestNhsNumbers,
		@Nullable String practice) {

	static FhirImportForm empty() {
		return new FhirImportForm(null, null, null);
	}

	public boolean allocating() {
		return "true".equals(allocateTestNhsNumbers);
	}

}

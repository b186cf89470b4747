package uk.nhs.bob.primarycare.population;

/** Told how far a FHIR import has read, every few hundred resources and at the end. */
@FunctionalInterface
interface FhirImportProgress {

	FhirImportProgress NONE = count -> {
	};

	void resourcesRead(int count);

}

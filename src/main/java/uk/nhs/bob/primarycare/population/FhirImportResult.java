package uk.nhs.bob.primarycare.population;

import java.util.List;

/**
 * What a FHIR import did. {@code recordsCreated} counts new problem, observation, medication and admission rows (a
 * blood pressure panel gives two); {@code resourcesRead} counts every entry resource in the bundle.
 */
public record FhirImportResult(int peopleCreated, int peopleUpdated, int recordsCreated, int resourcesRead,
		List<Skipped> skipped) {

	public FhirImportResult {
		skipped = List.copyOf(skipped);
	}

	/** A resource that was not imported, and why. */
	public record Skipped(String resourceType, String id, String reason) {
	}

}

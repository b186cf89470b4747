package uk.nhs.bob.primarycare.population;

import java.util.List;

/**
 * What a FHIR import did. {@code recordsCreated} counts new problem, observation, medication and admission rows (a
 * blood pressure panel gives two); {@code resourcesRead} counts every entry resource in the bundle; {@code created}
 * names each person created and the NHS number they are held under (a test number when the Patient carried none).
 */
record FhirImportResult(int peopleCreated, int peopleUpdated, int recordsCreated, int resourcesRead,
		List<Created> created, List<Skipped> skipped) {

	public FhirImportResult {
		created = List.copyOf(created);
		skipped = List.copyOf(skipped);
	}

	/** A Patient that made a new person, and the NHS number the person is held under. */
	public record Created(String id, String nhsNumber) {
	}

	/**
	 * A resource that was not imported, and why; or, when {@code kept}, one that was stored but cannot be used
	 * (a warning, not a failure).
	 */
	public record Skipped(String resourceType, String id, String reason, boolean kept) {

		public Skipped(String resourceType, String id, String reason) {
			this(resourceType, id, reason, false);
		}

	}

}

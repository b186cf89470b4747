package uk.nhs.bob.primarycare.population;

import java.util.List;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * New observations were recorded for a person (by a FHIR import), published in the transaction that wrote them.
 * Re-imports of observations already held publish nothing.
 */
public record ObservationsRecorded(NhsNumber nhsNumber, List<RecordedObservation> observations) {

	public ObservationsRecorded {
		observations = List.copyOf(observations);
	}

}

package uk.nhs.bob.primarycare.population;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.PublishedEvents;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.DirectoryDemoData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import publishes {@link ObservationsRecorded} with the new observations of each person, and nothing when a
 * re-import adds nothing; it also tells its progress.
 */
@PopulationModuleTest
class FhirImportEventsTests {

	private final FhirImport fhirImport;

	private final Directory directory;

	FhirImportEventsTests(FhirImport fhirImport, Directory directory, DirectoryDemoData directoryDemoData,
			PopulationDemoData populationDemoData) {
		this.fhirImport = fhirImport;
		this.directory = directory;
		// Practices and their postcode districts' LSOAs, if this context's database has none yet
		if (!directoryDemoData.present()) {
			directoryDemoData.create();
		}
		if (!populationDemoData.present()) {
			populationDemoData.create();
		}
	}

	@Test
	void publishesNewObservationsOnceAndReportsProgress(PublishedEvents events) {
		String patient = "urn:uuid:" + UUID.randomUUID();
		String bundle = """
				{"resourceType": "Bundle", "type": "batch", "entry": [
				 {"fullUrl": "%1$s", "resource": {"resourceType": "Patient", "id": "ev-person",
				   "name": [{"family": "Eventful", "given": ["Evie"]}], "gender": "female", "birthDate": "1950-02-03"}},
				 {"fullUrl": "urn:uuid:%2$s", "resource": {"resourceType": "Observation", "status": "final",
				   "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
				   "subject": {"reference": "%1$s"}, "effectiveDateTime": "2026-10-01T10:00:00Z",
				   "component": [
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
				     "valueQuantity": {"value": 162, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
				     "valueQuantity": {"value": 97, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}},
				 {"fullUrl": "urn:uuid:%3$s", "resource": {"resourceType": "Observation", "status": "final",
				   "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
				   "subject": {"reference": "%1$s"}, "effectiveDateTime": "2026-10-01",
				   "valueQuantity": {"value": 71.5, "system": "http://unitsofmeasure.org", "code": "kg"}}}
				]}""".formatted(patient, UUID.randomUUID(), UUID.randomUUID());
		FhirImportOptions options = new FhirImportOptions(directory.practices().get(1).odsCode());
		List<Integer> progress = new ArrayList<>();

		FhirImportResult result = fhirImport.importBundle(stream(bundle), options, progress::add);

		assertThat(result.peopleCreated()).isEqualTo(1);
		// the panel, its two components, and the weight (kept though the platform does not read it)
		assertThat(result.recordsCreated()).isEqualTo(4);
		assertThat(result.skipped()).isEmpty();
		assertThat(progress).containsExactly(3);
		List<ObservationsRecorded> published = java.util.stream.StreamSupport.stream(events.ofType(ObservationsRecorded.class).spliterator(), false).toList();
		assertThat(published).hasSize(1);
		ObservationsRecorded recorded = published.get(0);
		assertThat(recorded.nhsNumber().isTestNumber()).isTrue();
		assertThat(recorded.observations()).extracting(RecordedObservation::type)
			.containsExactlyInAnyOrder(null, ObservationType.SYSTOLIC_BP, ObservationType.DIASTOLIC_BP, null);
		assertThat(recorded.observations()).extracting(RecordedObservation::code)
			.containsExactlyInAnyOrder("85354-9", "8480-6", "8462-4", "29463-7");
		assertThat(recorded.observations()).filteredOn(o -> o.type() == ObservationType.SYSTOLIC_BP)
			.singleElement()
			.satisfies(o -> {
				assertThat(o.value()).isEqualByComparingTo("162");
				assertThat(o.date()).isEqualTo(LocalDate.of(2026, 10, 1));
				assertThat(o.codeSystem()).isEqualTo("http://loinc.org");
				assertThat(o.setting()).isNull();
			});

		FhirImportResult again = fhirImport.importBundle(stream(bundle), options, FhirImportProgress.NONE);

		assertThat(again.peopleCreated()).isZero();
		assertThat(again.recordsCreated()).isZero();
		assertThat(java.util.stream.StreamSupport.stream(events.ofType(ObservationsRecorded.class).spliterator(), false).toList()).hasSize(1);
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}

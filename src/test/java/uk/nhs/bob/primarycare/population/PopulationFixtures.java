package uk.nhs.bob.primarycare.population;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ApplicationContext;

import uk.nhs.bob.primarycare.directory.DirectoryDemoData;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People made for one test through the population's own FHIR import, for the other modules' module tests (which
 * cannot reach the import's package-private types). The directory's practices and the population's areas (LSOAs) are
 * the reference data a person is registered against; they are loaded once if the database has none yet.
 */
public final class PopulationFixtures {

	private PopulationFixtures() {
	}

	/** Loads the directory's practices and the population's areas into an empty database; nothing otherwise. */
	public static void referenceData(ApplicationContext context) {
		DirectoryDemoData directory = context.getBean(DirectoryDemoData.class);
		if (!directory.present()) {
			directory.create();
		}
		PopulationDemoData population = context.getBean(PopulationDemoData.class);
		if (!population.present()) {
			population.create();
		}
	}

	/**
	 * A new person registered at the practice, with an empty record, under a test NHS number (999 range) no one else
	 * holds.
	 */
	public static NhsNumber person(ApplicationContext context, OdsCode practice, String givenName, String familyName,
			LocalDate dateOfBirth, Sex sex) {
		Population population = context.getBean(Population.class);
		NhsNumber nhsNumber = unusedTestNumber(population);
		String bundle = """
				{"resourceType": "Bundle", "type": "batch", "entry": [
				 {"fullUrl": "urn:uuid:fixture-person", "resource": {"resourceType": "Patient", "id": "fixture-person",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
				   "name": [{"family": "%s", "given": ["%s"]}], "gender": "%s", "birthDate": "%s"}}]}"""
			.formatted(nhsNumber.value(), familyName, givenName, sex == Sex.FEMALE ? "female" : "male", dateOfBirth);
		FhirImportResult result = context.getBean(FhirImport.class)
			.importBundle(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)),
					new FhirImportOptions(practice), FhirImportProgress.NONE);
		assertThat(result.skipped()).as("fixture person skipped").isEmpty();
		assertThat(result.peopleCreated()).isEqualTo(1);
		return nhsNumber;
	}

	private static NhsNumber unusedTestNumber(Population population) {
		while (true) {
			String nine = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
			Integer check = NhsNumber.checkDigit(nine);
			if (check != null) {
				NhsNumber candidate = new NhsNumber(nine + check);
				if (population.find(candidate).isEmpty()) {
					return candidate;
				}
			}
		}
	}

}

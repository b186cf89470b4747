package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * POST /api/v1/fhir end to end with a committed Synthea bundle (one man, 293 resources, lab values in mg/dL):
 * import, re-import, values read back through the Population facade, rejections and access rules.
 */
@PopulationModuleTest
class FhirImportIntegrationTests {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	FhirContext fhir;

	@Autowired
	Population population;

	@Autowired
	Directory directory;

	@Test
	void importsASyntheaBundleAndReimportsItWithoutCreatingAnything() throws IOException {
		PracticeSummary practice = directory.practices().get(0);
		byte[] bundle = resource("/fhir/synthea-jessie-glover.json");

		OperationOutcome first = post(bundle, "?allocateTestNhsNumbers=true&practice=" + practice.odsCode().value());
		assertThat(count(first, "peopleCreated")).isEqualTo(1);
		assertThat(count(first, "resourcesRead")).isEqualTo(293);
		assertThat(count(first, "recordsCreated")).isGreaterThan(40);
		assertThat(count(first, "resourcesSkipped"))
			.isEqualTo(first.getIssue().stream().filter(i -> i.getSeverity() == IssueSeverity.WARNING).count());
		assertThat(first.getIssueFirstRep().getDiagnostics()).contains("1 people created");
		// Claims, procedures and the like are named with the reason
		assertThat(first.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.WARNING);
			assertThat(issue.getDiagnostics()).startsWith("Procedure/").contains("is not imported");
		});

		List<PersonSummary> found = population.search("Glover", LocalDate.of(1967, 6, 8), 10);
		assertThat(found).hasSize(1);
		PersonSummary jessie = found.get(0);
		assertThat(jessie.givenName()).isEqualTo("Jessie");
		assertThat(jessie.sex()).isEqualTo(Sex.MALE);
		assertThat(jessie.nhsNumber().isTestNumber()).isTrue();
		assertThat(jessie.nhsNumber().value()).startsWith("9999");
		assertThat(jessie.registeredPractice()).isEqualTo(practice.odsCode());
		assertThat(jessie.postcode().outward()).isEqualTo(practice.postcode().outward());

		CodedRecord record = population.record(jessie.nhsNumber()).orElseThrow();
		CodedRecord.Observation systolic = record.latest(ObservationType.SYSTOLIC_BP).orElseThrow();
		assertThat(systolic.value()).isEqualByComparingTo("85");
		assertThat(systolic.date()).isEqualTo(LocalDate.of(2026, 7, 30));
		assertThat(systolic.unit()).isEqualTo("mmHg");
		// 125.78 mg/dL / 38.67
		CodedRecord.Observation cholesterol = record.latest(ObservationType.TOTAL_CHOLESTEROL).orElseThrow();
		assertThat(cholesterol.value()).isEqualByComparingTo(new BigDecimal("3.25"));
		assertThat(cholesterol.unit()).isEqualTo("mmol/L");
		assertThat(record.latest(ObservationType.SMOKING_STATUS).orElseThrow().smoking())
			.contains(SmokingStatus.NEVER_SMOKED);
		// the myocardial infarction puts him on the CHD register: the latest CHD code, with its term and date
		RegisterEntry chd = Registers.of(record, jessie.dateOfBirth(), LocalDate.now()).entry(Register.CHD)
			.orElseThrow();
		assertThat(chd.term()).isEqualTo("History of myocardial infarction (situation)");
		assertThat(chd.date()).isEqualTo(LocalDate.of(2017, 4, 17));
		// and the day before, with the acute infarction alone, he was on it already
		assertThat(Registers.of(record, jessie.dateOfBirth(), LocalDate.of(2017, 4, 16)).entry(Register.CHD)
			.orElseThrow()
			.term()).isEqualTo("Acute non-ST segment elevation myocardial infarction (disorder)");
		assertThat(record.problems()).anySatisfy(problem -> {
			assertThat(problem.code()).isEqualTo("444814009");
			assertThat(problem.term()).isEqualTo("Viral sinusitis (disorder)");
			assertThat(problem.onset()).isEqualTo(LocalDate.of(2021, 11, 26));
			assertThat(problem.resolved()).isEqualTo(LocalDate.of(2021, 12, 17));
		});
		// the emergency encounters are A&E attendances; the inpatient stay does not say, so it is kept as not stated
		assertThat(record.admissions()).extracting(CodedRecord.Admission::planned).contains(false).containsNull()
			.doesNotContain(true);
		assertThat(record.admissions()).hasSize(3);
		assertThat(record.admissions()).filteredOn(CodedRecord.Admission::emergencyAttendance)
			.extracting(CodedRecord.Admission::date)
			.containsExactlyInAnyOrder(LocalDate.of(2017, 4, 16), LocalDate.of(2023, 4, 15));
		assertThat(record.admissions()).noneMatch(CodedRecord.Admission::unplanned);

		OperationOutcome again = post(bundle, "?allocateTestNhsNumbers=true&practice=" + practice.odsCode().value());
		assertThat(count(again, "peopleCreated")).isZero();
		assertThat(count(again, "peopleUpdated")).isZero();
		assertThat(count(again, "recordsCreated")).isZero();
		assertThat(count(again, "resourcesRead")).isEqualTo(293);
		assertThat(population.search("Glover", LocalDate.of(1967, 6, 8), 10)).hasSize(1);
		assertThat(population.record(jessie.nhsNumber()).orElseThrow()).isEqualTo(record);
	}

	@Test
	void skipsAPatientWithoutAnNhsNumberWhenNoTestNumbersAreAsked() throws IOException {
		OperationOutcome outcome = post(resource("/fhir/synthea-rosalinda-lueilwitz.json"), "");
		assertThat(count(outcome, "peopleCreated")).isZero();
		assertThat(count(outcome, "recordsCreated")).isZero();
		assertThat(outcome.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.WARNING);
			assertThat(issue.getDiagnostics()).startsWith("Patient/d78cedc4-323c-f890-fa21-e333d925bd36")
				.contains("no NHS number")
				.contains("records were not imported");
		});
	}

	/** A new valid NHS number (test range 9997...) that no one in the population holds. */
	private String unusedNhsNumber() {
		java.util.Random random = new java.util.Random();
		while (true) {
			String nine = "9997" + String.format("%05d", random.nextInt(100_000));
			Integer check = uk.nhs.bob.primarycare.shared.NhsNumber.checkDigit(nine);
			if (check != null && population.record(new uk.nhs.bob.primarycare.shared.NhsNumber(nine + check)).isEmpty()) {
				return nine + check;
			}
		}
	}

	private static String patientBundle(String id, @org.jspecify.annotations.Nullable String nhsNumber,
			@org.jspecify.annotations.Nullable String practiceOds, String family, String birthDate) {
		String identifier = nhsNumber == null ? ""
				: "\"identifier\": [{\"system\": \"https://fhir.nhs.uk/Id/nhs-number\", \"value\": \"" + nhsNumber
						+ "\"}],";
		String practitioner = practiceOds == null ? ""
				: "\"generalPractitioner\": [{\"identifier\": {\"system\": "
						+ "\"https://fhir.nhs.uk/Id/ods-organization-code\", \"value\": \"" + practiceOds + "\"}}],";
		return """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:%1$s", "resource": {"resourceType": "Patient", "id": "%1$s", %2$s %3$s
				   "name": [{"family": "%4$s", "given": ["Test"]}], "gender": "female", "birthDate": "%5$s"}}]}"""
			.formatted(id, identifier, practitioner, family, birthDate);
	}

	@Test
	void withAPracticeEveryNewPersonWhoseBundleNamesNoKnownPracticeIsRegisteredThereWithOrWithoutAnNhsNumber() {
		PracticeSummary imported = directory.practices().get(1);
		PracticeSummary named = directory.practices().get(2);
		// letters only: the import takes the digits Synthea appends off names
		String run = java.util.UUID.randomUUID().toString().substring(0, 8).chars()
			.mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
			.collect(java.util.stream.Collectors.joining());
		String query = "?practice=" + imported.odsCode().value();

		// no NHS number, no test numbers asked for: the practice alone registers them, with a test number
		OperationOutcome first = post(patientBundle(run + "-a", null, null, "Nonumber" + run, "1961-02-03")
			.getBytes(StandardCharsets.UTF_8), query);
		assertThat(count(first, "peopleCreated")).isEqualTo(1);
		PersonSummary a = population.search("Nonumber" + run, LocalDate.of(1961, 2, 3), 5).get(0);
		assertThat(a.nhsNumber().isTestNumber()).isTrue();
		assertThat(a.registeredPractice()).isEqualTo(imported.odsCode());
		// the answer names the number allocated, so the caller can ask about the person afterwards
		assertThat(first.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getDiagnostics()).endsWith("created with NHS number " + a.nhsNumber().value());
			assertThat(issue.getExpression().get(0).getValue()).startsWith("Patient/");
		});

		// an NHS number and a practitioner the directory does not know: the import's practice
		String withNumber = unusedNhsNumber();
		OperationOutcome second = post(patientBundle(run + "-b", withNumber, "Z99998", "Numbered" + run, "1962-03-04")
			.getBytes(StandardCharsets.UTF_8), query);
		assertThat(count(second, "peopleCreated")).isEqualTo(1);
		assertThat(second.getIssue()).filteredOn(issue -> issue.getDiagnostics().contains("created with NHS number"))
			.singleElement()
			.satisfies(issue -> assertThat(issue.getDiagnostics()).endsWith(withNumber));
		assertThat(population.registeredPractice(new uk.nhs.bob.primarycare.shared.NhsNumber(withNumber)))
			.contains(imported.odsCode());

		// the bundle names a practice the directory knows: that one
		String namedNumber = unusedNhsNumber();
		OperationOutcome third = post(patientBundle(run + "-c", namedNumber, named.odsCode().value(), "Named" + run,
				"1963-04-05").getBytes(StandardCharsets.UTF_8), query);
		assertThat(count(third, "peopleCreated")).isEqualTo(1);
		assertThat(population.registeredPractice(new uk.nhs.bob.primarycare.shared.NhsNumber(namedNumber)))
			.contains(named.odsCode());

		// without a practice, a new NHS number with no known practice is not registered anywhere
		String orphan = unusedNhsNumber();
		OperationOutcome fourth = post(patientBundle(run + "-d", orphan, null, "Orphan" + run, "1964-05-06")
			.getBytes(StandardCharsets.UTF_8), "");
		assertThat(count(fourth, "peopleCreated")).isZero();
		assertThat(fourth.getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics())
			.contains("names none the directory knows"));
	}

	@Test
	void updatesAKnownPersonMatchedByNhsNumber() {
		PersonSummary someone = population.page(null, 1).get(0);
		String bundle = """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:0b1c8a52-6b0e-4f0e-9f55-known-person",
				  "resource": {"resourceType": "Patient", "id": "known-person",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
				   "name": [{"family": "%s", "given": ["%s"]}], "gender": "%s", "birthDate": "%s"}},
				 {"fullUrl": "urn:uuid:0b1c8a52-6b0e-4f0e-9f55-known-bp",
				  "resource": {"resourceType": "Observation", "id": "known-bp", "status": "final",
				   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "72313002"}]},
				   "subject": {"reference": "urn:uuid:0b1c8a52-6b0e-4f0e-9f55-known-person"},
				   "effectiveDateTime": "2026-11-01T09:00:00Z",
				   "valueQuantity": {"value": 151, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}},
				 {"fullUrl": "urn:uuid:0b1c8a52-6b0e-4f0e-9f55-known-hdl",
				  "resource": {"resourceType": "Observation", "id": "known-hdl", "status": "final",
				   "code": {"coding": [{"system": "http://loinc.org", "code": "2085-9"}]},
				   "subject": {"reference": "urn:uuid:0b1c8a52-6b0e-4f0e-9f55-known-person"},
				   "effectiveDateTime": "2026-11-01",
				   "valueQuantity": {"value": 40, "unit": "mg/L", "system": "http://unitsofmeasure.org", "code": "mg/L"}}}
				]}""".formatted(someone.nhsNumber().value(), someone.familyName(), someone.givenName(),
				someone.sex() == Sex.FEMALE ? "female" : "male", someone.dateOfBirth());
		OperationOutcome outcome = post(bundle.getBytes(StandardCharsets.UTF_8), "");
		assertThat(count(outcome, "peopleCreated")).isZero();
		assertThat(count(outcome, "peopleUpdated")).isZero();
		assertThat(count(outcome, "recordsCreated")).isEqualTo(2);
		assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics())
			.isEqualTo("Observation/known-hdl: Kept in the record but not used: HDL cholesterol in unit 'mg/L' is "
					+ "not accepted"));
		assertThat(population.record(someone.nhsNumber()).orElseThrow().observations())
			.anySatisfy(o -> {
				assertThat(o.type()).isEqualTo(ObservationType.SYSTOLIC_BP);
				assertThat(o.value()).isEqualByComparingTo("151");
				assertThat(o.date()).isEqualTo(LocalDate.of(2026, 11, 1));
			});
	}

	@Test
	void resolvesMedicinesNamedByReferenceWhereverTheMedicationStandsInTheBundle() {
		PersonSummary someone = population.page(null, 3).get(2);
		String run = java.util.UUID.randomUUID().toString();
		// The statin's Medication comes after its prescription, the antihypertensive's before; a third names a
		// Medication the bundle does not hold.
		String bundle = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
				 {"fullUrl": "urn:uuid:%1$s-p", "resource": {"resourceType": "Patient", "id": "%1$s-p",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%2$s"}],
				   "name": [{"family": "%3$s", "given": ["%4$s"]}], "gender": "%5$s", "birthDate": "%6$s"}},
				 {"fullUrl": "urn:uuid:%1$s-rx1", "resource": {"resourceType": "MedicationRequest", "id": "%1$s-rx1",
				   "status": "active", "intent": "order", "authoredOn": "2026-10-01",
				   "medicationReference": {"reference": "urn:uuid:%1$s-statin"},
				   "subject": {"reference": "urn:uuid:%1$s-p"}}},
				 {"fullUrl": "urn:uuid:%1$s-amlo", "resource": {"resourceType": "Medication", "id": "%1$s-amlo",
				   "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "308136",
				     "display": "amlodipine 2.5 MG Oral Tablet"}]}}},
				 {"fullUrl": "urn:uuid:%1$s-rx2", "resource": {"resourceType": "MedicationRequest", "id": "%1$s-rx2",
				   "status": "active", "intent": "order", "authoredOn": "2026-10-02",
				   "medicationReference": {"reference": "urn:uuid:%1$s-amlo"},
				   "subject": {"reference": "urn:uuid:%1$s-p"}}},
				 {"fullUrl": "urn:uuid:%1$s-rx3", "resource": {"resourceType": "MedicationRequest", "id": "%1$s-rx3",
				   "status": "active", "intent": "order", "authoredOn": "2026-10-03",
				   "medicationReference": {"reference": "urn:uuid:%1$s-missing"},
				   "subject": {"reference": "urn:uuid:%1$s-p"}}},
				 {"fullUrl": "urn:uuid:%1$s-statin", "resource": {"resourceType": "Medication", "id": "%1$s-statin",
				   "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "259255",
				     "display": "atorvastatin 80 MG Oral Tablet"}]}}}
				]}""".formatted(run, someone.nhsNumber().value(), someone.familyName(), someone.givenName(),
				someone.sex() == Sex.FEMALE ? "female" : "male", someone.dateOfBirth());
		OperationOutcome outcome = post(bundle.getBytes(StandardCharsets.UTF_8), "");
		assertThat(count(outcome, "recordsCreated")).isEqualTo(2);
		assertThat(outcome.getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics())
			.startsWith("MedicationRequest/" + run + "-rx3: Names Medication urn:uuid:" + run + "-missing"));
		assertThat(population.record(someone.nhsNumber()).orElseThrow().medications()).satisfies(medications -> {
			assertThat(medications).anySatisfy(m -> {
				assertThat(m.in(MedicationCategory.LIPID_LOWERING)).isTrue();
				assertThat(m.groupedByName()).isTrue();
				assertThat(m.start()).isEqualTo(LocalDate.of(2026, 10, 1));
			});
			assertThat(medications).anySatisfy(m -> {
				assertThat(m.in(MedicationCategory.ANTIHYPERTENSIVE)).isTrue();
				assertThat(m.start()).isEqualTo(LocalDate.of(2026, 10, 2));
			});
		});
		OperationOutcome again = post(bundle.getBytes(StandardCharsets.UTF_8), "");
		assertThat(count(again, "recordsCreated")).isZero();
	}

	@Test
	void answersInvalidJsonWithAProblem() {
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content("{\"resourceType\": \"Bundle\", ")
			.with(tokens.otherClientBearer("fhir.import")))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("The body is not valid JSON");
	}

	@Test
	void answersSomethingOtherThanABundleWithAProblem() {
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON)
			.content("{\"resourceType\": \"Patient\", \"id\": \"x\"}")
			.with(tokens.otherClientBearer("fhir.import")))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("not a Bundle");
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON)
			.content("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": []}")
			.with(tokens.otherClientBearer("fhir.import")))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("searchset");
	}

	@Test
	void refusesAnUnknownPractice() {
		assertThat(mvc.post().uri("/api/v1/fhir?allocateTestNhsNumbers=true&practice=Z99999").contentType(FHIR_JSON)
			.content("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}")
			.with(tokens.otherClientBearer("fhir.import")))
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void onlyTokensWithTheImportScopeMayImport() {
		String empty = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": []}";
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(empty)
			.with(tokens.otherClientBearer("triage.requests", "careplan.read"))).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(empty)).hasStatus(401);
		// a signed-in administrator's page session opens no API
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(empty)
			.with(user("admin").roles("ICB_ADMIN"))).hasStatus(403);
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(empty)
			.with(tokens.otherClientBearer("fhir.import"))).hasStatusOk();
	}

	private OperationOutcome post(byte[] body, String query) {
		try {
			return postOrFail(body, query);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private OperationOutcome postOrFail(byte[] body, String query) throws IOException {
		MvcTestResult result = mvc.post().uri("/api/v1/fhir" + query).contentType(FHIR_JSON).content(body)
			.with(tokens.otherClientBearer("fhir.import")).exchange();
		assertThat(result).hasStatusOk().hasContentType(FHIR_JSON);
		return fhir.newJsonParser().parseResource(OperationOutcome.class, result.getResponse().getContentAsString(
				StandardCharsets.UTF_8));
	}

	private static int count(OperationOutcome outcome, String name) {
		Extension counts = outcome.getIssueFirstRep().getExtensionByUrl(FhirImportController.COUNTS_EXTENSION);
		return ((IntegerType) counts.getExtensionByUrl(name).getValue()).getValue();
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = FhirImportIntegrationTests.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}

package uk.nhs.bob.primarycare.population;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.FhirTesting;
import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The FHIR endpoint as a shared care record, a community pharmacy and an importing system use it: HAPI's generic
 * client against the running app, every resource returned checked by HAPI's instance validator (base R4).
 */
@IntegrationTest
class FhirEndpointTests {

	static final String NHS = "https://fhir.nhs.uk/Id/nhs-number";

	static final String LOINC = "http://loinc.org";

	static final String UCUM = "http://unitsofmeasure.org";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	IGenericClient client(String... scopes) {
		return FhirTesting.client(port, scopes.length == 0 ? null : tokens.token(scopes));
	}

	String someone(int offset) {
		return jdbc.sql("SELECT nhs_number FROM population.person WHERE date_of_death IS NULL ORDER BY nhs_number "
				+ "LIMIT 1 OFFSET ?").param(offset).query(String.class).single();
	}

	long audits(String nhsNumber, String page) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE nhs_number = ? AND page = ? AND outcome = 'VIEWED'")
			.params(nhsNumber, page)
			.query(Long.class)
			.single();
	}

	long observations(String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM population.observation WHERE nhs_number = ?")
			.param(nhsNumber)
			.query(Long.class)
			.single();
	}

	@Test
	void theCapabilityStatementSaysExactlyWhatIsSupportedWithoutSignIn() {
		CapabilityStatement capability = client().capabilities().ofType(CapabilityStatement.class).execute();
		FhirTesting.assertValid(capability);
		assertThat(capability.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(capability.getFormat()).extracting(CodeType::getValue).contains("application/fhir+xml",
				"application/fhir+json");
		CapabilityStatement.CapabilityStatementRestComponent rest = capability.getRestFirstRep();
		assertThat(rest.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
			.containsExactlyInAnyOrder("CarePlan", "Observation", "OperationDefinition", "Patient",
					"ServiceRequest", "StructureDefinition");
		assertThat(interactions(rest, "Patient")).containsExactlyInAnyOrder("read", "search-type");
		assertThat(interactions(rest, "Observation")).containsExactlyInAnyOrder("create", "read", "search-type");
		assertThat(interactions(rest, "CarePlan")).containsExactlyInAnyOrder("read", "search-type");
		assertThat(interactions(rest, "ServiceRequest")).containsExactlyInAnyOrder("create", "read", "search-type");
		assertThat(searchParams(rest, "Patient")).containsExactly("identifier");
		assertThat(searchParams(rest, "Observation")).contains("patient", "code");
		assertThat(searchParams(rest, "CarePlan")).contains("patient", "status", "_lastUpdated");
		assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction", "batch");

		// the platform's own extensions are published there too, also without sign-in
		for (String id : List.of("reading-setting", "import-counts", "care-plan-next-review")) {
			org.hl7.fhir.r4.model.StructureDefinition definition = client().read()
				.resource(org.hl7.fhir.r4.model.StructureDefinition.class).withId(id).execute();
			FhirTesting.assertValid(definition);
			assertThat(definition.getUrl()).isEqualTo("https://bob-primarycare.nhs.uk/fhir/StructureDefinition/" + id);
		}
		// and the CapabilityStatement names each one on the resource type that carries it
		assertThat(resource(rest, "CarePlan").getDocumentation())
			.contains("https://bob-primarycare.nhs.uk/fhir/StructureDefinition/care-plan-next-review");
		assertThat(resource(rest, "Observation").getDocumentation()).contains(FhirObservations.SETTING_EXTENSION);
		assertThat(rest.getDocumentation()).contains(FhirImportController.COUNTS_EXTENSION,
				FhirObservations.SETTING_EXTENSION, "care-plan-next-review");
		assertThat(client().search().forResource(org.hl7.fhir.r4.model.StructureDefinition.class)
			.returnBundle(Bundle.class).execute().getEntry()).hasSize(3);
		assertThat(FhirImportController.COUNTS_EXTENSION)
			.isEqualTo("https://bob-primarycare.nhs.uk/fhir/StructureDefinition/import-counts");
		assertThat(FhirObservations.SETTING_EXTENSION)
			.isEqualTo("https://bob-primarycare.nhs.uk/fhir/StructureDefinition/reading-setting");
	}

	static CapabilityStatementRestResourceComponent resource(CapabilityStatement.CapabilityStatementRestComponent rest,
			String type) {
		return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow();
	}

	static List<String> interactions(CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
		return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow()
			.getInteraction().stream().map(i -> i.getCode().toCode()).toList();
	}

	static List<String> searchParams(CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
		return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst().orElseThrow()
			.getSearchParam().stream().map(p -> p.getName()).toList();
	}

	@Test
	void aSystemReadsAndSearchesAPatientByNhsNumberWithTheirPracticeOdsCodedAndEachReadIsAudited() {
		String nhs = someone(11);
		long before = audits(nhs, PatientResourceProvider.PAGE);
		IGenericClient client = client("patient.read");

		Patient patient = client.read().resource(Patient.class).withId(nhs).execute();
		FhirTesting.assertValid(patient);
		// no profile is claimed: UK Core's cannot be checked here, and the validator refuses a claim it cannot check
		assertThat(patient.getMeta().getProfile()).isEmpty();
		Patient claiming = patient.copy();
		claiming.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
		assertThat(FhirTesting.errors(claiming)).as("errors of an unverifiable profile claim").isNotEmpty();
		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(NHS);
		assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(nhs);
		assertThat(patient.getNameFirstRep().getFamily()).isNotBlank();
		assertThat(patient.getBirthDate()).isNotNull();
		Reference practice = patient.getGeneralPractitionerFirstRep();
		assertThat(practice.getType()).isEqualTo("Organization");
		assertThat(practice.getIdentifier().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
		String held = jdbc.sql("SELECT registered_practice FROM population.person WHERE nhs_number = ?").param(nhs)
			.query(String.class).single();
		assertThat(practice.getIdentifier().getValue()).isEqualTo(held);
		assertThat(practice.getDisplay()).isNotBlank();

		Bundle found = client.search().forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly().systemAndCode(NHS, nhs))
			.returnBundle(Bundle.class)
			.execute();
		FhirTesting.assertValid(found);
		assertThat(found.getEntry()).hasSize(1);
		assertThat(((Patient) found.getEntryFirstRep().getResource()).getIdentifierFirstRep().getValue()).isEqualTo(nhs);
		assertThat(audits(nhs, PatientResourceProvider.PAGE)).isEqualTo(before + 2);

		// XML as well, by the client's choice of encoding
		client.setEncoding(EncodingEnum.XML);
		assertThat(client.read().resource(Patient.class).withId(nhs).execute().getIdentifierFirstRep().getValue())
			.isEqualTo(nhs);
	}

	@Test
	void errorsAreOperationOutcomesWithTheirStatusCodes() {
		String nhs = someone(12);
		// no token: 401
		AuthenticationException unauthenticated = catchThrowableOfType(AuthenticationException.class,
				() -> client().read().resource(Patient.class).withId(nhs).execute());
		assertThat(unauthenticated.getStatusCode()).isEqualTo(401);
		assertThat(diagnostics(unauthenticated)).contains("Bearer");
		// a token without the scope: 403 naming it
		ForbiddenOperationException forbidden = catchThrowableOfType(ForbiddenOperationException.class,
				() -> client("careplan.read").read().resource(Patient.class).withId(nhs).execute());
		assertThat(diagnostics(forbidden)).contains("patient.read");
		assertThatThrownBy(() -> client("patient.read").create().resource(bloodPressure(nhs, 150, 90, "pharmacy"))
			.execute()).isInstanceOf(ForbiddenOperationException.class);
		// no such person: 404; a number that fails the check digit or a wrong system: 400
		ResourceNotFoundException notFound = catchThrowableOfType(ResourceNotFoundException.class,
				() -> client("patient.read").read().resource(Patient.class).withId("9434765919").execute());
		assertThat(notFound.getStatusCode()).isEqualTo(404);
		InvalidRequestException badNumber = catchThrowableOfType(InvalidRequestException.class,
				() -> client("patient.read").search().forResource(Patient.class)
					.where(Patient.IDENTIFIER.exactly().systemAndCode(NHS, "1234567890"))
					.returnBundle(Bundle.class).execute());
		assertThat(diagnostics(badNumber)).contains("not a valid NHS number");
		assertThatThrownBy(() -> client("patient.read").search().forResource(Patient.class)
			.where(Patient.IDENTIFIER.exactly().systemAndCode("https://example.org/mrn", nhs))
			.returnBundle(Bundle.class).execute()).isInstanceOf(InvalidRequestException.class);
		// an interaction nothing supports: an OperationOutcome too, never a page
		assertThatThrownBy(() -> client("patient.read").delete().resourceById("Patient", nhs).execute())
			.isInstanceOf(BaseServerResponseException.class)
			.satisfies(ex -> assertThat(((BaseServerResponseException) ex).getStatusCode()).isBetween(400, 499));
	}

	static String diagnostics(BaseServerResponseException ex) {
		OperationOutcome outcome = (OperationOutcome) ex.getOperationOutcome();
		assertThat(outcome).as("an OperationOutcome in the response").isNotNull();
		return outcome.getIssueFirstRep().getDiagnostics();
	}

	@Test
	void xmlIsAnsweredByFormatParameterAndByAcceptIncludingErrors() throws Exception {
		String nhs = someone(13);
		String token = tokens.token("patient.read");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> byFormat = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Patient/" + nhs + "?_format=xml"))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(byFormat.statusCode()).isEqualTo(200);
		assertThat(byFormat.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+xml");
		Patient parsed = FhirTesting.FHIR.newXmlParser().parseResource(Patient.class, byFormat.body());
		FhirTesting.assertValid(parsed);

		HttpResponse<String> error = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Patient/9434765919"))
			.header("Authorization", "Bearer " + token).header("Accept", "application/fhir+xml").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(error.statusCode()).isEqualTo(404);
		OperationOutcome outcome = FhirTesting.FHIR.newXmlParser().parseResource(OperationOutcome.class, error.body());
		assertThat(outcome.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);

		HttpResponse<String> unauthenticated = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Patient/" + nhs + "?_format=xml")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unauthenticated.statusCode()).isEqualTo(401);
		// a member of staff's password is not a system's token
		HttpResponse<String> basic = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Patient/" + nhs))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
					"admin:demo-password".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(FhirTesting.FHIR.newJsonParser().parseResource(OperationOutcome.class, basic.body())
			.getIssueFirstRep().getDiagnostics()).contains("Only OAuth 2.0 bearer tokens");
		assertThat(FhirTesting.FHIR.newXmlParser().parseResource(OperationOutcome.class, unauthenticated.body())
			.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
	}

	@Test
	void malformedBodiesUnknownElementsAndUnknownTypesAreOperationOutcomesNeverA500() throws Exception {
		String nhs = someone(15);
		long before = observations(nhs);
		String token = tokens.token(new String[] { "observation.write", "fhir.import", "patient.read" });
		HttpClient http = HttpClient.newHttpClient();
		String sound = FhirTesting.FHIR.newJsonParser().encodeResourceToString(bloodPressure(nhs, 150, 90, "pharmacy"));
		// a field FHIR does not define (misspelt) is refused with its name, not ignored; so is a malformed value
		String misspelt = sound.replaceFirst("\"status\"", "\"statuss\"");
		String badDate = sound.replaceFirst("\"effectiveDateTime\":\"[^\"]+\"", "\"effectiveDateTime\":\"yesterday\"");
		for (String[] body : List.of(new String[] { misspelt, "statuss" }, new String[] { badDate, "yesterday" },
				new String[] { "{\"resourceType\":\"Observation\",", "parse" }, new String[] { "", "content" })) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + port + "/fhir/Observation"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(body[0])).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(body[0]).isEqualTo(400);
			assertThat(FhirTesting.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.body())
				.getIssueFirstRep().getDiagnostics()).contains(body[1]);
		}
		// the same misspelling inside a batch Bundle: the whole request is refused, nothing read
		HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":"
					+ "[{\"resource\":" + misspelt + ",\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bundle.statusCode()).isEqualTo(400);
		assertThat(observations(nhs)).isEqualTo(before);
		// a resource type the server does not serve: 404 with an OperationOutcome naming those it does
		HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Foo/1")).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(FhirTesting.FHIR.newJsonParser().parseResource(OperationOutcome.class, unknown.body())
			.getIssueFirstRep().getDiagnostics()).contains("Foo", "CarePlan");
		// a body that is not FHIR at all
		HttpResponse<String> plain = http.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/fhir/Observation"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("150/90")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(plain.statusCode()).isEqualTo(400);
		assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
	}

	static Observation bloodPressure(String nhs, int systolic, int diastolic, String setting) {
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept().addCoding(new Coding(
				"http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
		observation.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "85354-9", "Blood pressure panel")));
		observation.setSubject(new Reference().setIdentifier(new Identifier().setSystem(NHS).setValue(nhs)));
		observation.setEffective(new DateTimeType(LocalDate.now().toString()));
		observation.addComponent()
			.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8480-6", "Systolic blood pressure")))
			.setValue(new Quantity().setValue(systolic).setUnit("mmHg").setSystem(UCUM).setCode("mm[Hg]"));
		observation.addComponent()
			.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8462-4", "Diastolic blood pressure")))
			.setValue(new Quantity().setValue(diastolic).setUnit("mmHg").setSystem(UCUM).setCode("mm[Hg]"));
		if (setting != null) {
			observation.addExtension(FhirObservations.SETTING_EXTENSION, new CodeType(setting));
		}
		return observation;
	}

	@Test
	void aPharmacyBloodPressurePutsThePersonOnTheCvdWorklistWithinASecond() throws Exception {
		String nhs = jdbc.sql("""
				SELECT r.nhs_number FROM cvd.person_risk r WHERE r.age BETWEEN 30 AND 70 AND NOT r.hypertension
				  AND NOT EXISTS (SELECT 1 FROM cvd.finding f WHERE f.nhs_number = r.nhs_number AND f.rule_code = 'CVD-BP-SEVERE')
				ORDER BY r.nhs_number LIMIT 1 OFFSET 7""").query(String.class).single();
		Observation reading = bloodPressure(nhs, 186, 100, "pharmacy");
		reading.addIdentifier(new Identifier().setSystem("https://pharmacy.example.org/readings").setValue("r-1"));
		IGenericClient pharmacy = client("observation.write");

		long sent = System.nanoTime();
		MethodOutcome created = pharmacy.create().resource(reading).execute();
		assertThat(created.getCreated()).isTrue();
		String id = created.getId().getIdPart();
		long onWorklistAfter = -1;
		while (System.nanoTime() - sent < 5_000_000_000L) {
			if (jdbc.sql("SELECT count(*) FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-BP-SEVERE'")
				.param(nhs).query(Long.class).single() > 0) {
				onWorklistAfter = (System.nanoTime() - sent) / 1_000_000;
				break;
			}
			Thread.sleep(20);
		}
		assertThat(onWorklistAfter).as("milliseconds until the person is on the worklist").isBetween(0L, 1000L);
		assertThat(jdbc.sql("SELECT explanation FROM cvd.finding WHERE nhs_number = ? AND rule_code = 'CVD-BP-SEVERE'")
			.param(nhs).query(String.class).single()).contains("186/100");

		// stored with its source (the panel and its two readings) and setting; the same reading sent again adds nothing
		assertThat(jdbc.sql("SELECT count(*) FROM population.observation WHERE nhs_number = ? AND source_system = ?")
			.params(nhs, FhirObservations.CLIENT_SOURCE + "api-client").query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM population.observation WHERE nhs_number = ? AND setting = 'PHARMACY' "
				+ "AND source_system = ?").params(nhs, FhirObservations.CLIENT_SOURCE + "api-client")
			.query(Long.class).single()).isEqualTo(2);
		long stored = observations(nhs);
		MethodOutcome again = pharmacy.create().resource(reading).execute();
		assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(again.getResponseStatusCode()).isEqualTo(200);
		assertThat(again.getId().getIdPart()).isEqualTo(id);
		assertThat(observations(nhs)).isEqualTo(stored);

		// read back by patient and code, valid R4, with the setting
		Bundle found = client("patient.read").search().forResource(Observation.class)
			.where(Observation.PATIENT.hasId(nhs))
			.and(Observation.CODE.exactly().systemAndCode(LOINC, "8480-6"))
			.returnBundle(Bundle.class)
			.execute();
		FhirTesting.assertValid(found);
		assertThat(found.getEntry()).hasSize(1);
		Observation systolic = (Observation) found.getEntryFirstRep().getResource();
		FhirTesting.assertValid(systolic);
		assertThat(systolic.getValueQuantity().getValue()).isEqualByComparingTo(BigDecimal.valueOf(186));
		assertThat(((CodeType) systolic.getExtensionByUrl(FhirObservations.SETTING_EXTENSION).getValue()).getValue())
			.isEqualTo("pharmacy");
		assertThat(systolic.getMeta().getSource()).isEqualTo(FhirObservations.CLIENT_SOURCE + "api-client");
		Observation read = client("patient.read").read().resource(Observation.class).withId(id).execute();
		FhirTesting.assertValid(read);
		assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
		Bundle byIdentifier = client("patient.read").search().forResource(Observation.class)
			.where(Observation.PATIENT.hasChainedProperty(Patient.IDENTIFIER.exactly().systemAndCode(NHS, nhs)))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(byIdentifier.getEntry()).hasSizeGreaterThanOrEqualTo(3);
		byIdentifier.getEntry().forEach(entry -> FhirTesting.assertValid(entry.getResource()));
	}

	@Test
	void bmiSmokingAndCholesterolAreStoredAndABadReadingIsRefusedWithEveryReasonAndNothingStored() {
		String nhs = someone(14);
		IGenericClient client = client("observation.write");
		long before = observations(nhs);

		Observation bmi = new Observation().setStatus(Observation.ObservationStatus.FINAL)
			.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "39156-5", "Body mass index")))
			.setSubject(new Reference("Patient/" + nhs))
			.setEffective(new DateTimeType(LocalDate.now().minusDays(2).toString()))
			.setValue(new Quantity().setValue(31.2).setUnit("kg/m2").setSystem(UCUM).setCode("kg/m2"));
		assertThat(client.create().resource(bmi).execute().getCreated()).isTrue();
		Observation cholesterol = new Observation().setStatus(Observation.ObservationStatus.FINAL)
			.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "2093-3", "Cholesterol")))
			.setSubject(new Reference("Patient/" + nhs))
			.setEffective(new DateTimeType(LocalDate.now().minusDays(2).toString()))
			.setValue(new Quantity().setValue(5.4).setUnit("mmol/L").setSystem(UCUM).setCode("mmol/L"));
		assertThat(client.create().resource(cholesterol).execute().getCreated()).isTrue();
		Observation smoking = new Observation().setStatus(Observation.ObservationStatus.FINAL)
			.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "72166-2", "Tobacco smoking status")))
			.setSubject(new Reference("Patient/" + nhs))
			.setEffective(new DateTimeType(LocalDate.now().toString()))
			.setValue(new CodeableConcept().addCoding(new Coding(LOINC, "LA18976-3", "Current every day smoker")));
		assertThat(client.create().resource(smoking).execute().getCreated()).isTrue();
		assertThat(observations(nhs)).isEqualTo(before + 3);

		// no setting, diastolic above systolic, dated next month: one 422 naming every reason, nothing stored
		Observation bad = bloodPressure(nhs, 120, 140, null);
		bad.setEffective(new DateTimeType(LocalDate.now().plusMonths(1).toString()));
		UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class,
				() -> client.create().resource(bad).execute());
		assertThat(refused.getStatusCode()).isEqualTo(422);
		OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
		assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
			.anySatisfy(d -> assertThat(d).contains(FhirObservations.SETTING_EXTENSION))
			.anySatisfy(d -> assertThat(d).contains("not below systolic"))
			.anySatisfy(d -> assertThat(d).contains("future"));
		// a setting that is not one, a unit not read, a code not read, a person not registered
		assertThatThrownBy(() -> client.create().resource(bloodPressure(nhs, 150, 90, "car-park")).execute())
			.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("car-park");
		Observation pounds = bmi.copy();
		pounds.setValue(new Quantity().setValue(31.2).setUnit("lb/in2"));
		assertThatThrownBy(() -> client.create().resource(pounds).execute())
			.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("lb/in2");
		Observation heartRate = bmi.copy();
		heartRate.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "8867-4", "Heart rate")));
		assertThatThrownBy(() -> client.create().resource(heartRate).execute())
			.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("not one the platform reads");
		assertThatThrownBy(() -> client.create().resource(bloodPressure("9434765919", 150, 90, "home")).execute())
			.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining("9434765919");
		assertThat(observations(nhs)).isEqualTo(before + 3);
	}

	@Test
	void aTransactionBundleImportsThePeopleAndAnswersEachEntryAndABatchNamesWhatWasNotImported() {
		String practice = directory.practices().get(1).odsCode().value();
		String nhs = NhsNumber.parse(testNumber()).orElseThrow().value();
		Patient patient = new Patient();
		patient.setId("p1");
		patient.addIdentifier().setSystem(NHS).setValue(nhs);
		patient.addName().setFamily("Fhirtest").addGiven("Ada");
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1961-03-04"));
		patient.addGeneralPractitioner().setIdentifier(new Identifier()
			.setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue(practice));
		Observation reading = bloodPressure(nhs, 148, 92, null);
		reading.setId("o1");
		reading.setSubject(new Reference("urn:uuid:6f1a3c1e-0000-4000-8000-000000000001"));
		Condition condition = new Condition();
		condition.setId("c1");
		condition.setSubject(new Reference("urn:uuid:6f1a3c1e-0000-4000-8000-000000000001"));
		condition.setCode(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "38341003",
				"Hypertensive disorder")));
		condition.setOnset(new DateTimeType("2019-05-01"));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:6f1a3c1e-0000-4000-8000-000000000001").setResource(patient)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		transaction.addEntry().setFullUrl("urn:uuid:6f1a3c1e-0000-4000-8000-000000000002").setResource(reading)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		transaction.addEntry().setFullUrl("urn:uuid:6f1a3c1e-0000-4000-8000-000000000003").setResource(condition)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");

		Bundle response = client("fhir.import").transaction().withBundle(transaction).execute();
		FhirTesting.assertValid(response);
		assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
		assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
			.containsExactly("201 Created", "200 OK", "200 OK");
		assertThat(response.getEntryFirstRep().getResponse().getLocation()).isEqualTo("Patient/" + nhs);
		assertThat(jdbc.sql("SELECT count(*) FROM population.problem WHERE nhs_number = ?").param(nhs)
			.query(Long.class).single()).isEqualTo(1);

		// a batch with a Patient whose NHS number fails its check: that entry says why, the rest are answered
		Patient wrong = patient.copy();
		wrong.setId("p2");
		wrong.getIdentifierFirstRep().setValue("1234567890");
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().setFullUrl("urn:uuid:6f1a3c1e-0000-4000-8000-000000000004").setResource(wrong)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Bundle batchResponse = client("fhir.import").transaction().withBundle(batch).execute();
		FhirTesting.assertValid(batchResponse);
		assertThat(batchResponse.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
		assertThat(batchResponse.getEntryFirstRep().getResponse().getStatus()).startsWith("422");
		assertThat(((OperationOutcome) batchResponse.getEntryFirstRep().getResponse().getOutcome()).getIssueFirstRep()
			.getDiagnostics()).contains("1234567890");

		// the import needs its own scope
		assertThatThrownBy(() -> client("patient.read", "observation.write").transaction().withBundle(batch).execute())
			.isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("fhir.import");
		// a collection is not a transaction
		Bundle collection = transaction.copy().setType(Bundle.BundleType.COLLECTION);
		assertThatThrownBy(() -> client("fhir.import").transaction().withBundle(collection).execute())
			.isInstanceOf(InvalidRequestException.class);
	}

	Patient person(String id, String nhs, String family, String practice) {
		Patient patient = new Patient();
		patient.setId(id);
		patient.addIdentifier().setSystem(NHS).setValue(nhs);
		patient.addName().setFamily(family).addGiven("Ada");
		patient.setGender(AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1958-07-09"));
		if (practice != null) {
			patient.addGeneralPractitioner().setIdentifier(new Identifier()
				.setSystem("https://fhir.nhs.uk/Id/ods-organization-code").setValue(practice));
		}
		return patient;
	}

	Bundle twoPeople(Bundle.BundleType type, Patient first, Patient second) {
		Bundle bundle = new Bundle().setType(type);
		bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(first)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Observation reading = bloodPressure(first.getIdentifierFirstRep().getValue(), 151, 93, null);
		reading.setId("bp-" + first.getIdElement().getIdPart());
		reading.setSubject(new Reference(bundle.getEntryFirstRep().getFullUrl()));
		bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(reading)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(second)
			.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		return bundle;
	}

	long people(String nhs) {
		return jdbc.sql("SELECT count(*) FROM population.person WHERE nhs_number = ?").param(nhs)
			.query(Long.class).single();
	}

	@Test
	void aTransactionIsAllOrNothingAcrossPeopleWhileABatchStoresEveryoneItCan() {
		String practice = directory.practices().get(2).odsCode().value();
		String first = testNumber();
		// the second person fails when written (no practice the directory knows, none given), after the first
		// was written in the same transaction
		String second = NhsNumber.parse(next(first)).orElseThrow().value();
		Bundle transaction = twoPeople(Bundle.BundleType.TRANSACTION, person("t1", first, "Atomic", practice),
				person("t2", second, "Unplaced", null));
		UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class,
				() -> client("fhir.import").transaction().withBundle(transaction).execute());
		assertThat(refused.getStatusCode()).isEqualTo(422);
		OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
		FhirTesting.assertValid(outcome);
		assertThat(outcome.getIssue()).extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
			.anySatisfy(d -> assertThat(d).contains("nothing was stored"))
			.anySatisfy(d -> assertThat(d).startsWith("Entry 3 (Patient/t2)").contains("not registered at a BOB practice"));
		assertThat(people(first)).as("the first person, written before the second failed").isZero();
		assertThat(observations(first)).isZero();

		// a second person that fails on reading (an NHS number failing its check): nothing written either
		Bundle badNumber = twoPeople(Bundle.BundleType.TRANSACTION, person("t3", first, "Atomic", practice),
				person("t4", "1234567890", "Checkdigit", practice));
		UnprocessableEntityException refusedAgain = catchThrowableOfType(UnprocessableEntityException.class,
				() -> client("fhir.import").transaction().withBundle(badNumber).execute());
		assertThat(((OperationOutcome) refusedAgain.getOperationOutcome()).getIssue())
			.extracting(OperationOutcome.OperationOutcomeIssueComponent::getExpression)
			.anySatisfy(e -> assertThat(e).extracting(Object::toString).containsExactly("Bundle.entry[2]"));
		assertThat(people(first)).isZero();

		// the same two people as a batch: the first stored with their reading, the second answered 422
		Bundle batch = twoPeople(Bundle.BundleType.BATCH, person("t1", first, "Atomic", practice),
				person("t2", second, "Unplaced", null));
		Bundle answered = client("fhir.import").transaction().withBundle(batch).execute();
		FhirTesting.assertValid(answered);
		assertThat(answered.getEntry()).extracting(e -> e.getResponse().getStatus())
			.containsExactly("201 Created", "200 OK", "422 Unprocessable Entity");
		assertThat(people(first)).isEqualTo(1);
		assertThat(observations(first)).as("the panel and its two readings").isEqualTo(3);
		assertThat(people(second)).isZero();

		// an entry that asks to delete is not an import: a transaction holding one is refused whole, a batch answers it
		Bundle withDelete = twoPeople(Bundle.BundleType.TRANSACTION, person("t7", second, "Placed", practice),
				person("t8", next(second), "Placed", practice));
		withDelete.getEntry().get(2).getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient/t8");
		UnprocessableEntityException deleting = catchThrowableOfType(UnprocessableEntityException.class,
				() -> client("fhir.import").transaction().withBundle(withDelete).execute());
		assertThat(((OperationOutcome) deleting.getOperationOutcome()).getIssue())
			.extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
			.anySatisfy(d -> assertThat(d).startsWith("Entry 3").contains("DELETE"));
		assertThat(people(second)).isZero();
		withDelete.setType(Bundle.BundleType.BATCH);
		assertThat(client("fhir.import").transaction().withBundle(withDelete).execute().getEntry())
			.extracting(e -> e.getResponse().getStatus())
			.containsExactly("201 Created", "200 OK", "400 Bad Request");
		assertThat(people(second)).isEqualTo(1);

		// and a transaction that is all good is applied whole
		String third = next(second);
		Bundle good = twoPeople(Bundle.BundleType.TRANSACTION, person("t5", first, "Atomic", practice),
				person("t6", third, "Placed", practice));
		Bundle applied = client("fhir.import").transaction().withBundle(good).execute();
		assertThat(applied.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
		assertThat(applied.getEntry()).extracting(e -> e.getResponse().getStatus())
			.containsExactly("200 OK", "200 OK", "201 Created");
		assertThat(people(third)).isEqualTo(1);
	}

	/** The next valid test NHS number after this one that nobody holds. */
	String next(String nhs) {
		for (int stem = Integer.parseInt(nhs.substring(0, 9)) + 1; ; stem++) {
			Integer check = NhsNumber.checkDigit(Integer.toString(stem));
			String candidate = stem + "" + check;
			if (check != null && people(candidate) == 0) {
				return candidate;
			}
		}
	}

	/** A valid 999 test NHS number nobody holds yet (the synthetic population counts up from 999 000 000x). */
	String testNumber() {
		for (int stem = 999_700_000; ; stem++) {
			Integer check = NhsNumber.checkDigit(Integer.toString(stem));
			String candidate = stem + "" + check;
			if (check != null && jdbc.sql("SELECT count(*) FROM population.person WHERE nhs_number = ?")
				.param(candidate).query(Long.class).single() == 0) {
				return candidate;
			}
		}
	}

}

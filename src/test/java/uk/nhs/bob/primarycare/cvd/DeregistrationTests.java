package uk.nhs.bob.primarycare.cvd;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration is a dated fact: someone whose registration has ended is on no worklist and in no denominator,
 * whether their record was imported (a FHIR Patient whose practice identifier gives the period) or generated.
 */
@CvdModuleTest
@ExtendWith(CvdBaseline.class)
class DeregistrationTests {

	@Autowired
	ApplicationContext context;

	/** A new ICB administrator, signed in. */
	RequestPostProcessor admin() {
		return IdentityFixtures.signedIn(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
	}

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Population population;

	@Autowired
	Directory directory;

	@Autowired
	Dashboard dashboard;

	@Autowired
	PersonEvaluation evaluation;

	Dashboard.Counts bob() {
		return dashboard.counts("'BOB'", null, null, Map.of()).get(0);
	}

	@Test
	void anImportedPatientWhoseRegistrationEndsLeavesTheWorklistAndEveryDenominator() throws Exception {
		NhsNumber nhs = freeTestNumber();
		PracticeSummary practice = directory.practices().get(0);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		Dashboard.Counts before = bob();

		importPatient(nhs, practice, "\"start\": \"2020-01-01\"", today.minusDays(10));
		evaluation.reevaluate(nhs);
		assertThat(population.find(nhs).orElseThrow().registeredFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(findings(nhs)).contains("CVD-HTN-UNDX");
		assertThat(bob().people()).isEqualTo(before.people() + 1);
		assertThat(bob().possibleUndiagnosed()).isEqualTo(before.possibleUndiagnosed() + 1);
		assertThat(mvc.get().uri("/cvd/worklist?rule=CVD-HTN-UNDX").with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains("/cvd/people/" + nhs.value());

		// the practice says the registration ended yesterday
		importPatient(nhs, practice, "\"start\": \"2020-01-01\", \"end\": \"%s\"".formatted(today.minusDays(1)),
				today.minusDays(10));
		evaluation.reevaluate(nhs);
		assertThat(population.find(nhs).orElseThrow().registeredUntil()).isEqualTo(today.minusDays(1));
		assertThat(findings(nhs)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE nhs_number = ?")
			.param(nhs.value())
			.query(Long.class)
			.single()).isZero();
		assertThat(bob().people()).isEqualTo(before.people());
		assertThat(bob().possibleUndiagnosed()).isEqualTo(before.possibleUndiagnosed());
		// their page still opens, and says why they are on no list
		assertThat(mvc.get().uri("/cvd/people/{n}", nhs.value()).with(admin()))
			.hasStatusOk()
			.bodyText()
			.contains("Registration at this practice ended on");
		assertThat(mvc.get().uri("/cvd/worklist?rule=CVD-HTN-UNDX").with(admin()))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("/cvd/people/" + nhs.value());
		// and the API says the same, rather than hand a caller findings for someone the practice no longer holds
		String answer = mvc.get().uri("/api/v1/cvd/people/{n}", nhs.value()).with(tokens.otherClientBearer("cvd.read"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Boolean>read(answer, "$.registration.current")).isFalse();
		assertThat(JsonPath.<String>read(answer, "$.registration.until")).isEqualTo(today.minusDays(1).toString());
		assertThat(JsonPath.<String>read(answer, "$.registration.notice")).startsWith("Registration at this practice ended on");
	}

	@Test
	void generatedPeopleWhoLeftTheirPracticeAreInNoListOrCount() {
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		long left = jdbc.sql("SELECT count(*) FROM population.person WHERE registered_until < ?")
			.param(today)
			.query(Long.class)
			.single();
		assertThat(left).isPositive();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM population.person p JOIN cvd.person_risk r ON r.nhs_number = p.nhs_number
				WHERE p.registered_until < ?""").param(today).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM population.person p JOIN cvd.finding f ON f.nhs_number = p.nhs_number
				WHERE p.registered_until < ?""").param(today).query(Long.class).single()).isZero();
		// and everyone registered today is evaluated (apart from people this suite has since changed)
		long registered = jdbc.sql("""
				SELECT count(*) FROM population.person WHERE (registered_until IS NULL OR registered_until >= ?)
				  AND (registered_from IS NULL OR registered_from <= ?)""").params(today, today).query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT count(*) FROM cvd.person_risk").query(Long.class).single())
			.isLessThanOrEqualTo(registered)
			.isGreaterThan(registered - 50);
	}

	private List<String> findings(NhsNumber nhs) {
		return jdbc.sql("SELECT rule_code FROM cvd.finding WHERE nhs_number = ?")
			.param(nhs.value())
			.query(String.class)
			.list();
	}

	private NhsNumber freeTestNumber() {
		for (int stem = 999_600_000;; stem++) {
			Integer check = NhsNumber.checkDigit(Integer.toString(stem));
			if (check != null) {
				NhsNumber candidate = new NhsNumber(stem + "" + check);
				if (population.find(candidate).isEmpty()) {
					return candidate;
				}
			}
		}
	}

	private void importPatient(NhsNumber nhs, PracticeSummary practice, String period, LocalDate readingOn) {
		String bundle = """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:dereg-%1$s", "resource": {"resourceType": "Patient", "id": "dereg-%1$s",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%1$s"}],
				   "name": [{"family": "Leaving", "given": ["Lee"]}], "gender": "male", "birthDate": "1961-05-17",
				   "generalPractitioner": [{"type": "Organization", "identifier": {
				     "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "%2$s", "period": {%3$s}}}]}},
				 {"fullUrl": "urn:uuid:dereg-bp-%1$s", "resource": {"resourceType": "Observation", "id": "dereg-bp-%1$s",
				   "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
				   "subject": {"reference": "urn:uuid:dereg-%1$s"}, "effectiveDateTime": "%4$s",
				   "component": [
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
				     "valueQuantity": {"value": 205, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
				     "valueQuantity": {"value": 100, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}}
				]}""".formatted(nhs.value(), practice.odsCode().value(), period, readingOn);
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(bundle)
			.with(tokens.otherClientBearer("fhir.import"))).hasStatusOk();
	}

}

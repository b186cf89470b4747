package uk.nhs.bob.primarycare.triage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The one identity rule on all four ways a person's details arrive (the coordinator's form, the public form, the
 * intake API and FHIR import), case by case: a match links the request to the person; a number held for nobody is
 * kept as given; a different date of birth or name is never resolved silently (a field error showing the record on
 * the staff form, identity not verified with both sides on the public form and the API, a skipped Patient in FHIR).
 * Each case registers its own person at a practice of a Buckinghamshire or Oxfordshire hub.
 */
@TriageModuleTest
class IdentityRuleTests {

	/** Where the sent details differ from the record of a person registered at the Aylesbury hub. */
	enum Case {

		/** NHS number, date of birth and name all agree (the name in other case, with spaces). */
		MATCHED,
		/** A valid NHS number that nobody in BOB has. */
		NUMBER_NOT_IN_BOB,
		/** The record's NHS number and name, another date of birth. */
		OTHER_DATE_OF_BIRTH,
		/** The record's NHS number and date of birth, another person's name ("Tem Visitor"). */
		OTHER_NAME,
		/** No NHS number at all. */
		NO_NUMBER

	}

	/** Valid (Modulus 11) and outside the synthetic population's 999 range, so held for nobody. */
	static final String NUMBER_NOBODY_HAS = "9434765919";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	record Sent(String nhsNumber, String given, String family, LocalDate dateOfBirth) {
	}

	record Held(String nhsNumber, String given, String family, LocalDate dateOfBirth) {
	}

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void referenceData() {
		PopulationFixtures.referenceData(context);
	}

	/** A woman the test registers at a practice of the hub, with a family name no one else has. */
	Held person(String site) {
		Map<String, Object> row = TriageTestData.registered(context, site, NavigationInput.Sex.FEMALE, 38);
		return new Held(row.get("nhs_number").toString(), row.get("given_name").toString(),
				row.get("family_name").toString(), LocalDate.parse(row.get("date_of_birth").toString()));
	}

	static Sent sent(Case c, Held held) {
		return switch (c) {
			case MATCHED -> new Sent(held.nhsNumber(), " " + held.given().toUpperCase() + " ",
					held.family().toLowerCase(), held.dateOfBirth());
			case NUMBER_NOT_IN_BOB -> new Sent(NUMBER_NOBODY_HAS, "Ana", "Traveller", LocalDate.of(1990, 2, 3));
			case OTHER_DATE_OF_BIRTH -> new Sent(held.nhsNumber(), held.given(), held.family(),
					held.dateOfBirth().minusYears(7));
			case OTHER_NAME -> new Sent(held.nhsNumber(), "Tem", "Visitor", held.dateOfBirth());
			case NO_NUMBER -> new Sent("", "Ana", "Traveller", LocalDate.of(1990, 2, 3));
		};
	}

	@org.junit.jupiter.api.Test
	void aCoordinatorSettlesAnUnverifiedIdentityOnlyWithValidDetails() throws Exception {
		Held held = person("BK-AYL");
		String body = """
				{"nhsNumber": "%s", "givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "female",
				 "siteCode": "BK-AYL", "problem": "SORE_THROAT", "redFlags": [], "contactPhone": "0118 496 0123"}"""
			.formatted(held.nhsNumber(), held.given(), held.family(), held.dateOfBirth().minusYears(7));
		MvcTestResult created = mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		String reference = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.reference");
		Map<String, Object> row = request("reference", reference);
		assertThat(row).containsEntry("identity", "NOT_VERIFIED");
		String uri = "/triage/requests/" + row.get("id") + "/identity/";
		var coordinator = user(IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"),
				Role.CARE_COORDINATOR)).roles("CARE_COORDINATOR");

		// no note, then a date of birth that is not a date: one message each, nothing settled
		assertThat(mvc.post().uri(uri + "confirm").with(coordinator).with(csrf())
			.param("version", row.get("version").toString()).param("note", " ")).flash()
			.hasEntrySatisfying("problem", v -> assertThat(v.toString()).startsWith("Say how you checked"));
		assertThat(mvc.post().uri(uri + "correct").with(coordinator).with(csrf())
			.param("version", row.get("version").toString()).param("note", "Called back")
			.param("nhsNumber", held.nhsNumber()).param("givenName", held.given()).param("familyName", held.family())
			.param("day", "31").param("month", "2").param("year", "1980")).flash()
			.hasEntrySatisfying("problem", v -> assertThat(v.toString()).isEqualTo(
					"Date of birth must be a real date, like 15 3 1984"));
		assertThat(request("reference", reference)).containsEntry("identity", "NOT_VERIFIED");

		// the record's details, checked with the caller: linked to the person
		assertThat(mvc.post().uri(uri + "correct").with(coordinator).with(csrf())
			.param("version", row.get("version").toString()).param("note", "Called back: date of birth confirmed")
			.param("nhsNumber", held.nhsNumber()).param("givenName", held.given()).param("familyName", held.family())
			.param("day", Integer.toString(held.dateOfBirth().getDayOfMonth()))
			.param("month", Integer.toString(held.dateOfBirth().getMonthValue()))
			.param("year", Integer.toString(held.dateOfBirth().getYear()))).flash()
			.hasEntrySatisfying("message", v -> assertThat(v.toString()).startsWith("Identity settled: linked"));
		assertThat(request("reference", reference)).containsEntry("identity", "MATCHED");
	}

	Map<String, Object> request(String where, Object value) {
		return jdbc.sql("SELECT * FROM triage.request WHERE " + where + " = ?").param(value).query().singleRow();
	}

	/** The stored request as the rule says it must be for each case, for the public form and the API alike. */
	static void assertRecorded(Case c, Map<String, Object> row, Held held, Sent sent, String site) {
		switch (c) {
			case MATCHED -> {
				assertThat(row).containsEntry("identity", "MATCHED")
					.containsEntry("nhs_number", held.nhsNumber())
					.containsEntry("family_name", held.family())
					.containsEntry("site_code", site);
			}
			case NUMBER_NOT_IN_BOB -> assertThat(row).containsEntry("identity", "NOT_REGISTERED")
				.containsEntry("nhs_number", NUMBER_NOBODY_HAS)
				.containsEntry("family_name", "Traveller");
			case OTHER_DATE_OF_BIRTH, OTHER_NAME -> {
				assertThat(row).containsEntry("identity", "NOT_VERIFIED")
					.containsEntry("nhs_number", null)
					.containsEntry("sent_nhs_number", held.nhsNumber())
					.containsEntry("family_name", sent.family())
					.containsEntry("held_family_name", held.family())
					.containsEntry("held_given_name", held.given());
				assertThat(row.get("held_date_of_birth").toString()).isEqualTo(held.dateOfBirth().toString());
				assertThat(row.get("date_of_birth").toString()).isEqualTo(sent.dateOfBirth().toString());
				// linked to nobody's history
				assertThat(row.get("earlier_request_id")).isNull();
			}
			case NO_NUMBER -> assertThat(row).containsEntry("identity", "NOT_REGISTERED").containsEntry("nhs_number", null);
		}
	}

	@ParameterizedTest
	@EnumSource(Case.class)
	void theIntakeApi(Case c) throws Exception {
		Held held = person("BK-ACH");
		Sent sent = sent(c, held);
		String body = """
				{%s"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "female", "siteCode": "BK-AYL",
				 "problem": "SORE_THROAT", "redFlags": [], "contactPhone": "0118 496 0123"}"""
			.formatted(sent.nhsNumber().isEmpty() ? "" : "\"nhsNumber\": \"" + sent.nhsNumber() + "\", ", sent.given(),
					sent.family(), sent.dateOfBirth());
		MvcTestResult result = mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(HttpStatus.CREATED);
		String reference = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.reference");
		String identity = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.identity");
		Map<String, Object> row = request("reference", reference);
		assertThat(identity).isEqualTo(row.get("identity"));
		assertRecorded(c, row, held, sent, "BK-ACH");
	}

	@ParameterizedTest
	@EnumSource(Case.class)
	void thePublicForm(Case c) {
		Held held = person("BK-MBE");
		Sent sent = sent(c, held);
		String token = UUID.randomUUID().toString();
		MvcTestResult result = mvc.post()
			.uri("/request")
			.with(PublicFormCsrf.token())
			.with(r -> {
				r.setRemoteAddr("192.0.2." + (10 + c.ordinal()));
				return r;
			})
			.param("formToken", token)
			.param("redFlags", "NONE")
			.param("forWhom", "self")
			.param("givenName", sent.given())
			.param("familyName", sent.family())
			.param("day", Integer.toString(sent.dateOfBirth().getDayOfMonth()))
			.param("month", Integer.toString(sent.dateOfBirth().getMonthValue()))
			.param("year", Integer.toString(sent.dateOfBirth().getYear()))
			.param("sex", "female")
			.param("nhsNumber", sent.nhsNumber())
			.param("practiceCode", "NONE")
			.param("siteCode", "BK-AYL")
			.param("problem", "SORE_THROAT")
			.param("pregnant", "no")
			.param("contactPhone", "0118 496 0123")
			.param("step", "check")
			.param("go", "send")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.FOUND);
		assertRecorded(c, request("submission_key", "form:" + token), held, sent, "BK-MBE");
	}

	@ParameterizedTest
	@EnumSource(Case.class)
	void theCoordinatorsForm(Case c) {
		Held held = person("BK-AYL");
		Sent sent = sent(c, held);
		String token = UUID.randomUUID().toString();
		MvcTestResult result = mvc.post()
			.uri("/triage/requests")
			.with(user(IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site("BK-AYL"), Role.CARE_COORDINATOR))
				.roles("CARE_COORDINATOR"))
			.with(csrf())
			.param("formToken", token)
			.param("givenName", sent.given())
			.param("familyName", sent.family())
			.param("day", Integer.toString(sent.dateOfBirth().getDayOfMonth()))
			.param("month", Integer.toString(sent.dateOfBirth().getMonthValue()))
			.param("year", Integer.toString(sent.dateOfBirth().getYear()))
			.param("sex", "female")
			.param("nhsNumber", sent.nhsNumber())
			.param("siteCode", "BK-AYL")
			.param("redFlags", "NONE")
			.param("problem", "SORE_THROAT")
			.param("onset", "Typed onset kept")
			.exchange();
		switch (c) {
			case MATCHED, NUMBER_NOT_IN_BOB, NO_NUMBER -> {
				assertThat(result).hasStatus(HttpStatus.FOUND);
				Map<String, Object> row = request("submission_key", "staff:" + token);
				assertThat(row.get("identity")).isEqualTo(c == Case.MATCHED ? "MATCHED" : "NOT_REGISTERED");
				assertThat(row.get("nhs_number")).isEqualTo(c == Case.NO_NUMBER ? null : sent.nhsNumber());
			}
			case OTHER_DATE_OF_BIRTH, OTHER_NAME -> {
				// a field error that says what the record holds and keeps everything typed; nothing saved
				String formattedDob = held.dateOfBirth().format(java.time.format.DateTimeFormatter
					.ofPattern("d MMMM yyyy", java.util.Locale.UK));
				assertThat(result).hasStatusOk()
					.bodyText()
					.contains("Error: Record a same-day request", "The record for NHS number",
							"holds " + held.given() + " " + held.family() + ", born " + formattedDob,
							"value=\"" + sent.family() + "\"", "value=\"Typed onset kept\"");
				assertThat(jdbc.sql("SELECT count(*) FROM triage.request WHERE submission_key = ?")
					.param("staff:" + token)
					.query(Long.class)
					.single()).isZero();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Case.class, names = { "MATCHED", "OTHER_DATE_OF_BIRTH", "OTHER_NAME" })
	void fhirImport(Case c) {
		Held held = person("OX-BAN");
		Sent sent = sent(c, held);
		String run = UUID.randomUUID().toString();
		String bundle = """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:%1$s-p", "resource": {"resourceType": "Patient", "id": "%1$s-p",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%2$s"}],
				   "name": [{"family": "%3$s", "given": ["%4$s"]}], "gender": "female", "birthDate": "%5$s"}},
				 {"fullUrl": "urn:uuid:%1$s-bp", "resource": {"resourceType": "Observation", "id": "%1$s-bp",
				   "status": "final", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "72313002"}]},
				   "subject": {"reference": "urn:uuid:%1$s-p"}, "effectiveDateTime": "2026-11-02T09:00:00Z",
				   "valueQuantity": {"value": 133, "unit": "mmHg", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}}
				]}""".formatted(run, sent.nhsNumber(), c == Case.MATCHED ? held.family() : sent.family(),
				c == Case.MATCHED ? held.given() : sent.given(), sent.dateOfBirth());
		MvcTestResult result = mvc.post()
			.uri("/api/v1/fhir")
			.with(tokens.bearer("fhir.import"))
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.content(bundle.getBytes(StandardCharsets.UTF_8))
			.exchange();
		assertThat(result).hasStatusOk();
		Map<String, Object> record = jdbc.sql("""
				SELECT given_name, family_name, date_of_birth,
				  (SELECT count(*) FROM population.observation o WHERE o.nhs_number = p.nhs_number
				   AND o.observed_on = DATE '2026-11-02' AND o.value = 133) AS readings
				FROM population.person p WHERE nhs_number = ?""").param(held.nhsNumber()).query().singleRow();
		// the record never takes the sent name or date of birth
		assertThat(record).containsEntry("given_name", held.given()).containsEntry("family_name", held.family());
		assertThat(record.get("date_of_birth").toString()).isEqualTo(held.dateOfBirth().toString());
		if (c == Case.MATCHED) {
			assertThat(record.get("readings")).isEqualTo(1L);
		}
		else {
			assertThat(record.get("readings")).isEqualTo(0L);
			assertThat(result).bodyText()
				.contains("Identity not verified", "is held for " + held.given() + " " + held.family());
		}
	}

}

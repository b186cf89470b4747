package uk.nhs.bob.primarycare.cvd;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.terminology.CodeSetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * {@code GET /api/v1/cvd/people/{nhsNumber}}: its shape, who may call it (a token with the scope {@code cvd.read}) and
 * within which organisation scope, the audit row, the answers for malformed and unknown numbers, and that a reading
 * imported through {@code POST /api/v1/fhir} counts in the very next answer.
 */
@CvdModuleTest
class CvdPersonApiTests {

	private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Population population;

	@Autowired
	ApiTokens tokens;

	final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Directory directory;

	@Autowired
	PersonEvaluation evaluation;

	@Autowired
	ApplicationContext context;

	/** A new person of 60, registered at a practice of the site, evaluated as the refresh would; their NHS number. */
	String personIn(String site, String givenName) {
		PracticeSummary practice = directory.practices()
			.stream()
			.filter(p -> site.equals(p.siteCode()))
			.findFirst()
			.orElseThrow();
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), givenName, "Cvdapi",
				LocalDate.now(PersonEvaluation.UK).minusYears(60), Sex.MALE);
		evaluation.reevaluate(person);
		return person.value();
	}

	long audits(String username, String nhsNumber) {
		return jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND nhs_number = ? AND purpose = ?")
			.params(username, nhsNumber, CvdPersonApiController.PURPOSE)
			.query(Long.class)
			.single();
	}

	JsonNode get(String nhsNumber) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/cvd/people/" + nhsNumber)
			.with(tokens.otherClientBearer("cvd.read"))
			.exchange();
		assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void answersRegistersQrisk3AndFindingsInTheDocumentedShapeAndIsAudited() throws Exception {
		String nhs = personIn("BK-AYL", "Shape");
		long before = audits(ApiTokens.OTHER_CLIENT_ID, nhs);
		JsonNode body = get(nhs);
		assertThat(body.get("nhsNumber").asText()).isEqualTo(nhs);
		assertThat(body.get("registers").isArray()).isTrue();
		for (JsonNode register : body.get("registers")) {
			assertThat(register.asText()).isIn("HYP", "CHD", "STIA", "PAD", "AF", "HF", "DM", "DM1", "DM2", "CKD35",
					"AST", "COPD", "DEM", "DEP", "SMI", "RA", "OST");
		}
		assertThat(body.get("qrisk3").get("status").asText()).isIn("SCORED", "NOT_APPLICABLE", "NOT_ASSESSABLE");
		assertThat(body.get("qrisk3").has("score")).isTrue();
		assertThat(body.get("qrisk3").get("reasons").isArray()).isTrue();
		if (body.get("qrisk3").get("status").asText().equals("SCORED")) {
			assertThat(body.get("qrisk3").get("score").isNumber()).isTrue();
		}
		else {
			assertThat(body.get("qrisk3").get("score").isNull()).isTrue();
		}
		for (JsonNode finding : body.get("findings")) {
			assertThat(finding.get("ruleId").asText()).matches("CVD-[A-Z0-9-]+");
			assertThat(finding.get("version").isInt()).isTrue();
			assertThat(finding.get("reason").asText()).isNotBlank();
			assertThat(finding.get("values").isObject()).isTrue();
		}
		assertThat(body.get("registration").get("current").asBoolean()).isTrue();
		assertThat(body.get("registration").has("notice")).isFalse();
		assertThat(audits(ApiTokens.OTHER_CLIENT_ID, nhs)).isEqualTo(before + 1);
		assertThat(body.toString()).doesNotContain("givenName", "familyName", "postcode");
	}

	@Test
	void refusesCallersWithoutTheScopeAndPeopleOutsideTheCallersOrganisation() {
		String bucks = personIn("BK-AYL", "Bucks");
		String oxford = personIn("OX-CTY", "Oxford");
		// APIs take access tokens only: no password, no token without cvd.read, no session of a signed-in page
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + bucks)).hasStatus(401);
		String adminName = IdentityFixtures.staffUser(context, "admin", Role.ICB_ADMIN, OrganisationScope.ICB);
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + bucks).with(httpBasic(adminName, IdentityFixtures.PASSWORD)))
			.hasStatus(401);
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + bucks).with(tokens.otherClientBearer("cvd.qrisk3"))).hasStatus(403);
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + bucks).with(user("admin").roles("ICB_ADMIN")))
			.hasStatus(403);
		// a caller holding the scope but whose organisation is the Aylesbury site (the coordinator's; the platform's
		// own tokens act for the whole ICB, so this is the check behind them) sees Aylesbury, not Oxford
		String coordinator = IdentityFixtures.staffUser(context, "coordinator", Role.CARE_COORDINATOR,
				OrganisationScope.site("BK-AYL"));
		long before = audits(coordinator, oxford);
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + bucks)
			.with(user(coordinator).authorities(new SimpleGrantedAuthority("SCOPE_cvd.read")))).hasStatusOk();
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + oxford)
			.with(user(coordinator).authorities(new SimpleGrantedAuthority("SCOPE_cvd.read"))))
			.hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(audits(coordinator, oxford)).isEqualTo(before);
		// the refusal itself is in the audit log, naming the person
		assertThat(jdbc.sql("SELECT count(*) FROM audit.record_view WHERE username = ? AND nhs_number = ? "
				+ "AND outcome = 'REFUSED' AND page = ?")
			.params(coordinator, oxford, "GET /api/v1/cvd/people/" + oxford)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void answersMalformedAndUnknownNumbers() {
		for (String malformed : List.of("12345", "abcdefghij", "94347659190", "9434765918")) {
			assertThat(mvc.get().uri("/api/v1/cvd/people/" + malformed).with(tokens.otherClientBearer("cvd.read")))
				.hasStatus(400)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.asString()
				.isEqualTo("nhsNumber");
		}
		String unknown = "9434765919";
		assertThat(NhsNumber.isValid(unknown)).isTrue();
		assertThat(mvc.get().uri("/api/v1/cvd/people/" + unknown).with(tokens.otherClientBearer("cvd.read")))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * A CHD diagnosis (a code read from the national CHD cluster file) and a severe reading posted through the FHIR
	 * import show in the very next answer: CHD register, QRISK3 not appropriate, severe blood pressure finding.
	 */
	@Test
	void reflectsACodeAndAReadingImportedThroughTheFhirApiAtOnce() throws Exception {
		PersonSummary someone = population.find(new NhsNumber(personIn("BK-AYL", "Cora"))).orElseThrow();
		String nhs = someone.nhsNumber().value();
		CodeSetFiles.Row chd = CodeSetFiles.rows("nhsd-primary-care-domain-refsets-chd_cod.csv").get(3);
		String today = LocalDate.now().toString();
		String run = java.util.UUID.randomUUID().toString();
		String bundle = """
				{"resourceType": "Bundle", "type": "collection", "entry": [
				 {"fullUrl": "urn:uuid:%1$s-p", "resource": {"resourceType": "Patient", "id": "%1$s-p",
				   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%2$s"}],
				   "name": [{"family": "%3$s", "given": ["%4$s"]}], "gender": "%5$s", "birthDate": "%6$s"}},
				 {"fullUrl": "urn:uuid:%1$s-chd", "resource": {"resourceType": "Condition", "id": "%1$s-chd",
				   "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
				   "code": {"coding": [{"system": "http://snomed.info/sct", "code": "%7$s", "display": "%8$s"}]},
				   "subject": {"reference": "urn:uuid:%1$s-p"}, "onsetDateTime": "%9$s"}},
				 {"fullUrl": "urn:uuid:%1$s-bp", "resource": {"resourceType": "Observation", "id": "%1$s-bp",
				   "status": "final",
				   "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9", "display": "Blood pressure panel"}]},
				   "subject": {"reference": "urn:uuid:%1$s-p"}, "effectiveDateTime": "%9$s",
				   "component": [
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
				     "valueQuantity": {"value": 186, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
				    {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
				     "valueQuantity": {"value": 104, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}}
				]}""".formatted(run, nhs, someone.familyName(), someone.givenName(),
				someone.sex() == Sex.FEMALE ? "female" : "male", someone.dateOfBirth(), chd.code(),
				chd.term().replace("\"", "\\\""), today);
		assertThat(mvc.post().uri("/api/v1/fhir").contentType(FHIR_JSON).content(bundle)
			.with(tokens.otherClientBearer("fhir.import"))).hasStatusOk();
		// evaluated from the record when asked: the very next answer has them, with no refresh in between
		JsonNode body = get(nhs);
		assertThat(body.get("registers")).extracting(JsonNode::asText).contains("CHD");
		assertThat(body.get("qrisk3").get("status").asText()).isEqualTo("NOT_APPLICABLE");
		assertThat(body.get("qrisk3").get("score").isNull()).isTrue();
		assertThat(body.get("qrisk3").get("reasons").toString()).containsIgnoringCase("coronary heart disease");
		JsonNode severe = null;
		for (JsonNode finding : body.get("findings")) {
			if (finding.get("ruleId").asText().equals("CVD-BP-SEVERE")) {
				severe = finding;
			}
		}
		assertThat(severe).isNotNull();
		assertThat(severe.get("version").asInt()).isEqualTo(1);
		@SuppressWarnings("unchecked")
		Map<String, Object> values = json.convertValue(severe.get("values"), Map.class);
		assertThat(values.toString()).contains("186").contains("104");
	}

}

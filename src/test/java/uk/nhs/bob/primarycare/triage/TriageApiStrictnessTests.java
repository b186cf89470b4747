package uk.nhs.bob.primarycare.triage;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.population.PopulationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake API refuses what it cannot trust: unknown fields by name, a missing red-flag answer, a reused
 * Idempotency-Key with another body, impossible dates of birth, phone numbers that are not UK numbers, counts that
 * disagree, and loosely typed numbers and booleans. Its creator, and only its creator, reads a request's status.
 */
@TriageModuleTest
class TriageApiStrictnessTests {

	static final String VALID = """
			{"givenName": "Ana", "familyName": "Visitor", "dateOfBirth": "1990-02-03", "sex": "female",
			 "siteCode": "BK-AYL", "problem": "SORE_THROAT", "redFlags": [], "contactPhone": "0118 496 0123"}""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	/** The hubs and practices the request names (the directory's reference data; no person or user is needed). */
	@BeforeEach
	void referenceData() {
		PopulationFixtures.referenceData(context);
	}

	MvcTestResult post(String body, String key, String token) {
		var request = mvc.post()
			.uri("/api/v1/triage/requests")
			.with(ApiTokens.withToken(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.exchange();
	}

	MvcTestResult post(String body) {
		return post(body, null, tokens.token("triage.requests"));
	}

	static String with(String field, String json) {
		return VALID.substring(0, VALID.length() - 1) + ", \"" + field + "\": " + json + "}";
	}

	@Test
	void unknownFieldsAreRefusedByName() {
		assertThat(post(VALID.replace("\"redFlags\": []", "\"redflags\": [\"CHEST_PAIN\"], \"colour\": \"blue\"")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", f -> assertThat(f).asArray().contains("redflags", "colour", "redFlags"))
			.hasPathSatisfying("$.errors[?(@.field == 'redflags')].message",
					m -> assertThat(m).asArray().singleElement().asString().contains("did you mean redFlags?"));
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ageYears": 30, "sex": "female", "problem": "OTHER", "redFlags": [], "pregnnt": true}"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("pregnnt"));
	}

	@Test
	void redFlagsMustBeAnswered() {
		assertThat(post(VALID.replace(", \"redFlags\": []", ""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", f -> assertThat(f).asArray().containsExactly("redFlags"));
		assertThat(post(VALID)).hasStatus(HttpStatus.CREATED);
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', value = {
			"dateOfBirth|\"-0001-05-05\"|dateOfBirth",
			"dateOfBirth|\"2999-01-01\"|dateOfBirth",
			"dateOfBirth|\"1880-01-01\"|dateOfBirth",
			"dateOfBirth|\"1990-02-30\"|dateOfBirth",
			"contactPhone|\"abc\"|contactPhone",
			"contactPhone|\"0123\"|contactPhone",
			"contactPhone|\"+1 202 555 0100\"|contactPhone",
			"symptomDays|1.5|symptomDays",
			"symptomDays|\"5\"|symptomDays",
			"pregnant|\"yes\"|pregnant",
			"pregnant|1|pregnant",
			"givenName|42|givenName",
			"episodesLast6Months|0|episodesLast6Months",
			"nhsNumber|\"\"|nhsNumber",
			"nhsNumber|\"   \"|nhsNumber",
			"nhsNumber|\"1234567890\"|nhsNumber",
			"postcode|\"\"|postcode",
			"postcode|\"NOWHERE\"|postcode",
			"practiceCode|\"\"|practiceCode",
			"practiceCode|\"NONE\"|practiceCode",
			"practiceCode|\"K99999\"|practiceCode" })
	void looseOrImpossibleValuesAreRefused(String field, String json, String named) {
		String body = field.equals("dateOfBirth") || field.equals("contactPhone") || field.equals("givenName")
				? VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[^,}]*)", "\"" + field + "\": " + json.replace("$", "\\$"))
				: with(field, json);
		assertThat(post(body)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", f -> assertThat(f).asArray().contains(named));
	}

	@Test
	void countsMustAgree() {
		assertThat(post(with("episodesLast6Months", "3, \"episodesLast12Months\": 2"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", f -> assertThat(f).asArray().containsExactly("episodesLast12Months"));
		assertThat(post(with("episodesLast6Months", "2, \"episodesLast12Months\": 2"))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void anIdempotencyKeyReusedWithAnotherBodyIs422AndTheSameBodyGetsTheFirstAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		MvcTestResult first = post(VALID, key, tokens.token("triage.requests"));
		assertThat(first).hasStatus(HttpStatus.CREATED);
		String id = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.id");
		// the same body with its fields and red flags in another order is the same request
		assertThat(post(VALID.replace("\"sex\": \"female\",", "").replace("}", ", \"sex\": \"female\"}"), key, tokens.token("triage.requests")))
			.hasStatus(HttpStatus.OK)
			.bodyJson()
			.hasPathSatisfying("$.id", v -> assertThat(v).isEqualTo(id));
		assertThat(post(VALID.replace("Ana", "Bea"), key, tokens.token("triage.requests"))).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.detail", d -> assertThat(d).asString().contains(key, "different request body"));
		assertThat(jdbc.sql("SELECT count(*) FROM triage.request WHERE submission_key = ?")
			.param("api:" + tokens.clientId() + ":" + key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCreatorReadsTheStatusAndNobodyElseDoes() throws Exception {
		MvcTestResult created = post(VALID);
		String reference = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.reference");
		assertThat(mvc.get().uri("/api/v1/triage/requests/" + reference).with(tokens.bearer("triage.requests")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", s -> assertThat(s).isEqualTo("OPEN"))
			.hasPathSatisfying("$", body -> assertThat(body).asInstanceOf(
					org.assertj.core.api.InstanceOfAssertFactories.MAP).containsOnlyKeys("reference", "status"));
		assertThat(mvc.get().uri("/api/v1/triage/requests/" + reference)
			.with(ApiTokens.withToken(tokens.otherClientToken("triage.requests"))))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/v1/triage/requests/TR-NOSUCH00").with(tokens.bearer("triage.requests")))
			.hasStatus(HttpStatus.NOT_FOUND);
		Map<String, Object> row = jdbc.sql("SELECT id, version FROM triage.request WHERE reference = ?")
			.param(reference)
			.query()
			.singleRow();
		jdbc.sql("UPDATE triage.request SET claimed_by = 'coordinator' WHERE reference = ?").param(reference).update();
		assertThat(mvc.get().uri("/api/v1/triage/requests/" + reference).with(tokens.bearer("triage.requests")))
			.bodyJson()
			.hasPathSatisfying("$.status", s -> assertThat(s).isEqualTo("CLAIMED"));
		assertThat(row).isNotEmpty();
	}

}

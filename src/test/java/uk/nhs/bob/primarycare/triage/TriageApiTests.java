package uk.nhs.bob.primarycare.triage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.population.PopulationFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The navigation and intake APIs over real security and PostgreSQL, including idempotent retries under contention
 * (over HTTP, on the test server's port), for people each test registers.
 */
@TriageModuleTest
class TriageApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	/** The hubs and practices the requests name (the directory's reference data). */
	@BeforeEach
	void referenceData() {
		PopulationFixtures.referenceData(context);
	}

	@Test
	void navigationFollowsTheContract() {
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ageYears": 30, "sex": "female", "pregnant": false, "problem": "URINARY_SYMPTOMS",
					 "redFlags": [], "urinaryCatheter": false, "episodesLast6Months": 1}""")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.rulePackVersion", v -> assertThat(v).isEqualTo("2026.2"))
			.hasPathSatisfying("$.dispositions[0].code", v -> assertThat(v).isEqualTo("PHARMACY_FIRST"))
			.hasPathSatisfying("$.dispositions[0].ruleId", v -> assertThat(v).isEqualTo("PF-UTI"))
			.hasPathSatisfying("$.dispositions[0].reason", v -> assertThat(v).asString().contains("Pharmacy First"))
			.hasPathSatisfying("$.dispositions[0].values.ageYears", v -> assertThat(v).isEqualTo("30"));
	}

	@Test
	void kidneyInfectionSignsGoToAnUrgentGpThroughTheApi() {
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ageYears": 30, "sex": "female", "problem": "URINARY_SYMPTOMS",
					 "redFlags": ["KIDNEY_INFECTION_SIGNS"]}""")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.redFlag", v -> assertThat(v).isEqualTo(true))
			.hasPathSatisfying("$.dispositions[0].code", v -> assertThat(v).isEqualTo("URGENT_GP_SAME_DAY"));
	}

	@Test
	void badNavigationInputNamesEachField() {
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sex": "other", "problem": "BROKEN_LEG", "redFlags": ["CHEST_PAIN", "HICCUPS"],
					 "feverPainScore": 6, "symptomDays": -1}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asArray()
				.contains("ageYears", "sex", "problem", "redFlags[1]", "feverPainScore", "symptomDays"))
			.hasPathSatisfying("$.errors[?(@.field == 'problem')].message",
					m -> assertThat(m).asArray().singleElement().asString().startsWith("must be one of SINUSITIS"));
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ageYears": -1, "sex": "male", "problem": "OTHER"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", f -> assertThat(f).asArray().containsExactlyInAnyOrder("ageYears",
					"redFlags"));
		assertThat(mvc.post()
			.uri("/api/v1/triage/navigation")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"ageYears": "thirty", "sex": "male", "problem": "OTHER"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("ageYears"));
	}

	String requestFor(Map<String, Object> person, String problem) {
		return """
				{"nhsNumber": "%s", "givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "sex": "female",
				 "problem": "%s", "onset": "Started yesterday", "redFlags": [], "pregnant": false}"""
			.formatted(person.get("nhs_number").toString().trim(), person.get("given_name"), person.get("family_name"),
					person.get("date_of_birth"), problem);
	}

	@Test
	void aRequestLandsAtTheHubOfTheRegisteredPracticeAndARetryReturnsTheFirst() throws Exception {
		Map<String, Object> person = TriageTestData.registered(context, "BK-WYC", NavigationInput.Sex.FEMALE, 35);
		String key = UUID.randomUUID().toString();
		var first = mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestFor(person, "URINARY_SYMPTOMS"))
			.exchange();
		assertThat(first).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.siteCode", v -> assertThat(v).isEqualTo("BK-WYC"))
			.hasPathSatisfying("$.recommended.code", v -> assertThat(v).isEqualTo("PHARMACY_FIRST"))
			.hasPathSatisfying("$.reference", v -> assertThat(v).asString().startsWith("TR-"));
		String id = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(requestFor(person, "URINARY_SYMPTOMS"))).hasStatus(HttpStatus.OK)
			.bodyJson()
			.hasPathSatisfying("$.id", v -> assertThat(v).isEqualTo(id));
		assertThat(jdbc.sql("SELECT count(*) FROM triage.request WHERE submission_key = ?")
			.param("api:" + tokens.clientId() + ":" + key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void sixteenConcurrentRetriesWithOneKeyCreateExactlyOneRequest() throws Exception {
		Map<String, Object> person = TriageTestData.registered(context, "BK-WYC", NavigationInput.Sex.FEMALE, 35);
		String key = UUID.randomUUID().toString();
		String body = requestFor(person, "SORE_THROAT");
		HttpClient client = HttpClient.newHttpClient();
		String auth = "Bearer " + tokens.token("triage.requests");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Callable<HttpResponse<String>> call = () -> {
					start.await();
					return client.send(HttpRequest
						.newBuilder(URI.create("http://localhost:" + port + "/api/v1/triage/requests"))
						.header("Authorization", auth)
						.header("Idempotency-Key", key)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
				};
				responses.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (Future<HttpResponse<String>> response : responses) {
				HttpResponse<String> r = response.get();
				statuses.add(r.statusCode());
				ids.add(com.jayway.jsonpath.JsonPath.read(r.body(), "$.id"));
			}
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM triage.request WHERE submission_key = ?")
			.param("api:" + tokens.clientId() + ":" + key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnregisteredPersonNeedsASiteAndBadFieldsAreNamed() {
		String unregistered = """
				{"givenName": "Ana", "familyName": "Visitor", "dateOfBirth": "1990-02-03", "sex": "female",
				 "problem": "SORE_THROAT", "redFlags": []}""";
		assertThat(mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(unregistered)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", f -> assertThat(f).isEqualTo("siteCode"));
		assertThat(mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(unregistered.replace("}", ", \"siteCode\": \"OX-BAN\"}"))).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.hasPathSatisfying("$.siteCode", v -> assertThat(v).isEqualTo("OX-BAN"));
		assertThat(mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.requests"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"nhsNumber": "1234567890", "givenName": "", "dateOfBirth": "2999-01-01", "sex": "female",
					 "problem": "SORE_THROAT", "siteCode": "NOWHERE", "practiceCode": "Z99999"}"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.errors[*].field", fields -> assertThat(fields).asArray()
				.contains("nhsNumber", "givenName", "familyName", "dateOfBirth", "siteCode", "practiceCode"));
	}

	@Test
	void onlyTokensWithTheRequestsScopeMayPostRequests() {
		assertThat(mvc.post()
			.uri("/api/v1/triage/requests")
			.with(tokens.bearer("triage.navigation"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.post().uri("/api/v1/triage/requests").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theOpenApiDocumentDescribesBothEndpoints() {
		assertThat(mvc.get().uri("/api/v1/openapi").with(tokens.bearer())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.paths['/api/v1/triage/requests'].post", p -> assertThat(p).isNotNull())
			.hasPathSatisfying("$.paths['/api/v1/triage/navigation'].post", p -> assertThat(p).isNotNull())
			.hasPathSatisfying("$.paths['/api/v1/triage/requests'].post.parameters[*].name",
					names -> assertThat(names).asArray().contains("Idempotency-Key"));
	}

}

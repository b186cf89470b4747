package uk.nhs.bob.primarycare.programme;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPC API: the JSON contract, and 400 problem+json naming each bad field. */
@IntegrationTest
class SpcApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApiTokens tokens;

	private MvcTestResult post(String json) {
		return mvc.post()
			.uri("/api/v1/programme/spc")
			.with(tokens.bearer("programme.spc"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void answersPointsVariationAndAssurance() {
		MvcTestResult result = post("""
				{"values": [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 20], "improvementDirection": "increase",
				 "target": 30, "rebaseIndexes": [], "screenOutliers": true}""");
		assertThat(result).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("""
					{"variation": "special_cause_improvement", "assurance": "consistent_fail"}""");
		assertThat(result).bodyJson().extractingPath("$.points.length()").isEqualTo(12);
		assertThat(result).bodyJson().extractingPath("$.points[11].pointType").isEqualTo("special_cause_improvement");
		assertThat(result).bodyJson().extractingPath("$.points[0].pointType").isEqualTo("common_cause");
		assertThat(result).bodyJson().extractingPath("$.points[0].mean").isEqualTo(10.75);
		assertThat(result).bodyJson()
			.extractingPath("$.points[0].upperProcessLimit")
			.asNumber()
			.satisfies(upl -> assertThat(upl.doubleValue()).isCloseTo(16.07, org.assertj.core.api.Assertions.within(1e-9)));
		assertThat(result).bodyJson().extractingPath("$.points[0].value").isEqualTo(9.0);
	}

	@Test
	void undefinedLimitsAreNullAndDefaultsApply() {
		// one value: no moving range, so no limits; no target, so no assurance; screening defaults to on
		MvcTestResult result = post("""
				{"values": [5], "improvementDirection": "neutral"}""");
		assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"points": [{"value": 5.0, "mean": 5.0, "lowerProcessLimit": null, "upperProcessLimit": null,
				  "pointType": "common_cause"}],
				 "variation": "common_cause", "assurance": null}""");
	}

	@Test
	void screeningCanBeSwitchedOff() {
		// equal values: with screening every moving range (0) is dropped and the limits are undefined; without it
		// the limits sit on the mean
		assertThat(post("""
				{"values": [4, 4, 4], "improvementDirection": "increase", "screenOutliers": false}"""))
			.bodyJson()
			.extractingPath("$.points[0].upperProcessLimit")
			.isEqualTo(4.0);
		assertThat(post("""
				{"values": [4, 4, 4], "improvementDirection": "increase"}""")).bodyJson()
			.extractingPath("$.points[0].upperProcessLimit")
			.isNull();
	}

	@Test
	void rebasingStartsANewSegment() {
		assertThat(post("""
				{"values": [9, 11, 9, 11, 19, 21, 19, 21], "improvementDirection": "increase", "rebaseIndexes": [4]}"""))
			.bodyJson()
			.extractingPath("$.points[4].mean")
			.isEqualTo(20.0);
	}

	@Test
	void badFieldsAreNamed() {
		MvcTestResult result = post("""
				{"values": [], "improvementDirection": "up", "rebaseIndexes": [3]}""");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("values", "improvementDirection", "rebaseIndexes[0]");
	}

	@Test
	void aRebaseIndexOutOfRangeOrAMissingValueIsNamed() {
		MvcTestResult result = post("""
				{"values": [1, null, 3], "improvementDirection": "decrease", "rebaseIndexes": [1, 3, -1]}""");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("values[1]", "rebaseIndexes[1]", "rebaseIndexes[2]");
	}

	@Test
	void aWrongTypeIsNamed() {
		MvcTestResult result = post("""
				{"values": [1, "two"], "improvementDirection": "increase"}""");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").asString().startsWith("values");
	}

	@Test
	void needsSignIn() {
		assertThat(mvc.post().uri("/api/v1/programme/spc").contentType(MediaType.APPLICATION_JSON).content("""
				{"values": [1], "improvementDirection": "increase"}""")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

}

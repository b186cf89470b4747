package uk.nhs.bob.primarycare.programme.spc;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import uk.nhs.bob.primarycare.ApiTokens;
import uk.nhs.bob.primarycare.programme.ProgrammeModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPC API: the JSON contract, and 400 problem+json naming each bad field. */
@ProgrammeModuleTest
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
	void numbersMustBeJsonNumbersAndIndexesWholeNumbers() {
		// today's answer for valid input stays the same; "5" and 1.5 are no longer coerced
		MvcTestResult result = post("""
				{"values": [1, "5", 3, true], "improvementDirection": "increase", "target": "30",
				 "rebaseIndexes": [1.5, "2"], "screenOutliers": "yes"}""");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("values[1]", "values[3]", "target", "rebaseIndexes[0]", "rebaseIndexes[1]",
					"screenOutliers");
		assertThat(result).bodyJson().extractingPath("$.errors[?(@.field == 'rebaseIndexes[0]')].message")
			.asArray()
			.containsExactly("must be a whole number");
	}

	@Test
	void unknownAndRepeatedFieldsAreRefused() {
		assertThat(post("""
				{"values": [1, 2], "improvementDirection": "increase", "rebase": [1]}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("rebase");
		assertThat(post("""
				{"values": [1, 2], "values": [3], "improvementDirection": "increase"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post("[1, 2]")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("{\"values\": [1,")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void rebaseIndexesAreBoundedByTheValuesAndErrorsStaySmall() {
		// more indexes than values: one error, however long the list
		String indexes = java.util.stream.IntStream.range(0, 20_000)
			.mapToObj(String::valueOf)
			.collect(java.util.stream.Collectors.joining(","));
		MvcTestResult tooMany = post("{\"values\": [1, 2, 3], \"improvementDirection\": \"increase\", \"rebaseIndexes\": ["
				+ indexes + "]}");
		assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("rebaseIndexes");
		assertThat(tooMany.getResponse().getContentAsByteArray()).hasSizeLessThan(2_000);
		// many bad values: at most 50 listed, all counted
		String values = java.util.stream.IntStream.range(0, 5_000)
			.mapToObj(i -> "\"x\"")
			.collect(java.util.stream.Collectors.joining(","));
		MvcTestResult manyBad = post("{\"values\": [" + values + "], \"improvementDirection\": \"increase\"}");
		assertThat(manyBad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(manyBad).bodyJson().extractingPath("$.errors.length()").isEqualTo(SpcRequest.MAX_ERRORS);
		assertThat(manyBad).bodyJson().extractingPath("$.detail").asString().contains("5000 invalid");
		assertThat(manyBad.getResponse().getContentAsByteArray()).hasSizeLessThan(10_000);
	}

	@Test
	void aBodyOverTheLimitIs413() {
		String values = java.util.stream.IntStream.range(0, 100_000)
			.mapToObj(i -> "1.25")
			.collect(java.util.stream.Collectors.joining(","));
		MvcTestResult result = post("{\"values\": [" + values + "], \"improvementDirection\": \"increase\"}");
		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void needsSignIn() {
		assertThat(mvc.post().uri("/api/v1/programme/spc").contentType(MediaType.APPLICATION_JSON).content("""
				{"values": [1], "improvementDirection": "increase"}""")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

}

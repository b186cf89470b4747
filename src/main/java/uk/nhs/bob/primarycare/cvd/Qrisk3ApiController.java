package uk.nhs.bob.primarycare.cvd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/cvd/qrisk3}: the QRISK3-2017 10-year risk for given inputs (no personal data, so any signed-in
 * API user). Answers {@code {"score": 14.62...}} in percent at full double precision, with the rounded score, the
 * algorithm and ClinRisk's disclaimer; bad input answers 400 problem+json naming each field. The body is read
 * strictly ({@link Qrisk3Request#read}): 84.99 is not an age and 2 is not true. The API document still describes
 * the body as {@link Qrisk3Request}.
 */
@RestController
class Qrisk3ApiController {

	@PostMapping(path = "/api/v1/cvd/qrisk3", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<Object> score(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = Qrisk3Request.class))) @RequestBody JsonNode json) {
		Qrisk3Request.Read read = Qrisk3Request.read(json);
		Map<String, String> problems = read.problems();
		Qrisk3Request request = read.request();
		if (!problems.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request has " + problems.size() + " invalid field(s).");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", Qrisk3Request.asErrors(problems));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		double score = Qrisk3.score(request.inputs());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("score", score);
		body.put("scoreRounded", BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP));
		body.put("highRisk", score >= CaseFinding.QRISK_THRESHOLD);
		body.put("algorithm", Qrisk3.ALGORITHM);
		body.put("disclaimer", Qrisk3.DISCLAIMER);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}

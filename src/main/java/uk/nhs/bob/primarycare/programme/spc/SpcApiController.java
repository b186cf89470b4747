package uk.nhs.bob.primarycare.programme.spc;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/programme/spc}: the Making Data Count XmR calculation of {@link Spc} for any series, so other
 * tools get the same answers as the programme's charts. Any signed-in API user may call it: it holds no data.
 * <p>
 * Strict: the body is read up to {@link #MAX_BODY_BYTES} only (413 beyond); numbers must be JSON numbers (never
 * {@code "5"}), indexes whole numbers (never {@code 1.5}), {@code screenOutliers} a boolean; unknown fields are
 * refused; there are at most as many rebase indexes as values; each bad field is named as {@code values[1]}, and at
 * most {@link SpcRequest#MAX_ERRORS} errors are listed ({@link SpcRequest}).
 */
@RestController
class SpcApiController {

	/** 10,000 values of up to 25 characters each, with room for the rest. */
	static final int MAX_BODY_BYTES = 400_000;

	private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	record SpcPointResponse(double value, double mean, @Nullable Double lowerProcessLimit,
			@Nullable Double upperProcessLimit, String pointType) {
	}

	record SpcResponse(List<SpcPointResponse> points, String variation, @Nullable String assurance) {
	}

	@PostMapping(path = "/api/v1/programme/spc", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> spc(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return tooLarge();
		}
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return problem("The request body is not valid JSON.", List.of());
		}
		if (root == null || !root.isObject()) {
			return problem("The request body must be a JSON object.", List.of());
		}
		SpcRequest.Reading reading = SpcRequest.read(root);
		if (reading.request() == null) {
			return problem("The request has " + reading.total() + " invalid field(s).", reading.errors());
		}
		return ResponseEntity.ok(calculate(reading.request()));
	}

	private static SpcResponse calculate(SpcRequest request) {
		Spc.Result result = Spc.calculate(request.values(), request.direction(), request.target(),
				request.rebaseIndexes(), request.screenOutliers());
		List<SpcPointResponse> points = result.points()
			.stream()
			.map(p -> new SpcPointResponse(p.value(), p.mean(), p.lowerProcessLimit(), p.upperProcessLimit(),
					p.pointType().code()))
			.toList();
		return new SpcResponse(points, result.variation().code(),
				result.assurance() == null ? null : result.assurance().code());
	}

	private static ResponseEntity<ProblemDetail> tooLarge() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + MAX_BODY_BYTES + " bytes.");
		problem.setTitle("Request too large");
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

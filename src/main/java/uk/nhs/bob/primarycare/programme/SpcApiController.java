package uk.nhs.bob.primarycare.programme;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * most {@link #MAX_ERRORS} errors are listed.
 */
@RestController
class SpcApiController {

	/** Keeps sums finite (JSON has no infinity) and requests small. */
	static final double MAX_ABSOLUTE_VALUE = 1e12;

	static final int MAX_VALUES = 10_000;

	/** 10,000 values of up to 25 characters each, with room for the rest. */
	static final int MAX_BODY_BYTES = 400_000;

	static final int MAX_ERRORS = 50;

	private static final Set<String> FIELDS = Set.of("values", "improvementDirection", "target", "rebaseIndexes",
			"screenOutliers");

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
		Errors errors = new Errors();
		for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!FIELDS.contains(name)) {
				errors.add(name, "is not a field of this API (values, improvementDirection, target, rebaseIndexes, "
						+ "screenOutliers)");
			}
		}

		List<Double> values = new ArrayList<>();
		JsonNode valuesNode = root.get("values");
		if (valuesNode == null || valuesNode.isNull() || (valuesNode.isArray() && valuesNode.isEmpty())) {
			errors.add("values", "must have at least one number");
		}
		else if (!valuesNode.isArray()) {
			errors.add("values", "must be a list of numbers");
		}
		else if (valuesNode.size() > MAX_VALUES) {
			errors.add("values", "must have at most " + MAX_VALUES + " numbers");
		}
		else {
			for (int i = 0; i < valuesNode.size(); i++) {
				JsonNode value = valuesNode.get(i);
				if (!value.isNumber()) {
					errors.add("values[" + i + "]", "must be a number");
				}
				else if (!Double.isFinite(value.doubleValue()) || Math.abs(value.doubleValue()) > MAX_ABSOLUTE_VALUE) {
					errors.add("values[" + i + "]", "must be between -1e12 and 1e12");
				}
				else {
					values.add(value.doubleValue());
				}
			}
		}

		JsonNode directionNode = root.get("improvementDirection");
		Spc.Direction direction = directionNode != null && directionNode.isString()
				? Spc.Direction.fromCode(directionNode.stringValue()) : null;
		if (direction == null) {
			errors.add("improvementDirection", "must be increase, decrease or neutral");
		}

		Double target = null;
		JsonNode targetNode = root.get("target");
		if (targetNode != null && !targetNode.isNull()) {
			if (!targetNode.isNumber()) {
				errors.add("target", "must be a number or null");
			}
			else if (!Double.isFinite(targetNode.doubleValue()) || Math.abs(targetNode.doubleValue()) > MAX_ABSOLUTE_VALUE) {
				errors.add("target", "must be between -1e12 and 1e12");
			}
			else {
				target = targetNode.doubleValue();
			}
		}

		int count = valuesNode != null && valuesNode.isArray() ? valuesNode.size() : 0;
		List<Integer> rebase = new ArrayList<>();
		JsonNode rebaseNode = root.get("rebaseIndexes");
		if (rebaseNode != null && !rebaseNode.isNull()) {
			if (!rebaseNode.isArray()) {
				errors.add("rebaseIndexes", "must be a list of whole numbers");
			}
			else if (rebaseNode.size() > Math.max(count, 1)) {
				errors.add("rebaseIndexes", "must have no more indexes than there are values (" + count + ")");
			}
			else {
				for (int i = 0; i < rebaseNode.size(); i++) {
					JsonNode index = rebaseNode.get(i);
					if (!index.isIntegralNumber() || !index.canConvertToInt()) {
						errors.add("rebaseIndexes[" + i + "]", "must be a whole number");
					}
					else if (index.intValue() < 0 || index.intValue() >= count) {
						errors.add("rebaseIndexes[" + i + "]", count == 0 ? "must be the 0-based index of one of the values"
								: "must be the 0-based index of one of the values (0 to " + (count - 1) + ")");
					}
					else {
						rebase.add(index.intValue());
					}
				}
			}
		}

		boolean screen = true;
		JsonNode screenNode = root.get("screenOutliers");
		if (screenNode != null && !screenNode.isNull()) {
			if (!screenNode.isBoolean()) {
				errors.add("screenOutliers", "must be true or false");
			}
			else {
				screen = screenNode.booleanValue();
			}
		}

		if (!errors.list.isEmpty() || direction == null) {
			return problem("The request has " + errors.total + " invalid field(s).", errors.list);
		}
		double[] series = values.stream().mapToDouble(v -> v).toArray();
		Spc.Result result = Spc.calculate(series, direction, target, rebase, screen);
		List<SpcPointResponse> points = result.points()
			.stream()
			.map(p -> new SpcPointResponse(p.value(), p.mean(), p.lowerProcessLimit(), p.upperProcessLimit(),
					p.pointType().code()))
			.toList();
		return ResponseEntity.ok(new SpcResponse(points, result.variation().code(),
				result.assurance() == null ? null : result.assurance().code()));
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

	/** The field errors, listing at most {@link #MAX_ERRORS} of them but counting all. */
	private static final class Errors {

		final List<Map<String, String>> list = new ArrayList<>();

		int total;

		void add(String field, String message) {
			total++;
			if (list.size() < MAX_ERRORS) {
				list.add(Map.of("field", field, "message", message));
			}
		}

	}

}

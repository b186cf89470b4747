package uk.nhs.bob.primarycare.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/programme/spc}: the Making Data Count XmR calculation of {@link Spc} for any series, so other
 * tools get the same answers as the programme's charts. Any signed-in API user may call it: it holds no data.
 */
@RestController
class SpcApiController {

	/** Keeps sums finite (JSON has no infinity) and requests small. */
	static final double MAX_ABSOLUTE_VALUE = 1e12;

	static final int MAX_VALUES = 10_000;

	record SpcRequest(@Nullable List<@Nullable Double> values, @Nullable String improvementDirection,
			@Nullable Double target, @Nullable List<@Nullable Integer> rebaseIndexes, @Nullable Boolean screenOutliers) {
	}

	record SpcPointResponse(double value, double mean, @Nullable Double lowerProcessLimit,
			@Nullable Double upperProcessLimit, String pointType) {
	}

	record SpcResponse(List<SpcPointResponse> points, String variation, @Nullable String assurance) {
	}

	@PostMapping(path = "/api/v1/programme/spc", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> spc(@RequestBody SpcRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		List<@Nullable Double> values = request.values() == null ? List.of() : request.values();
		if (values.isEmpty()) {
			errors.add(error("values", "must have at least one number"));
		}
		else if (values.size() > MAX_VALUES) {
			errors.add(error("values", "must have at most " + MAX_VALUES + " numbers"));
		}
		for (int i = 0; i < values.size() && values.size() <= MAX_VALUES; i++) {
			Double value = values.get(i);
			if (value == null) {
				errors.add(error("values[" + i + "]", "must be a number"));
			}
			else if (!Double.isFinite(value) || Math.abs(value) > MAX_ABSOLUTE_VALUE) {
				errors.add(error("values[" + i + "]", "must be between -1e12 and 1e12"));
			}
		}
		Spc.Direction direction = Spc.Direction.fromCode(request.improvementDirection());
		if (direction == null) {
			errors.add(error("improvementDirection", "must be increase, decrease or neutral"));
		}
		Double target = request.target();
		if (target != null && (!Double.isFinite(target) || Math.abs(target) > MAX_ABSOLUTE_VALUE)) {
			errors.add(error("target", "must be between -1e12 and 1e12"));
		}
		List<@Nullable Integer> rebaseIndexes = request.rebaseIndexes() == null ? List.of() : request.rebaseIndexes();
		List<Integer> rebase = new ArrayList<>();
		for (int i = 0; i < rebaseIndexes.size(); i++) {
			Integer index = rebaseIndexes.get(i);
			if (index == null || index < 0 || index >= values.size()) {
				errors.add(error("rebaseIndexes[" + i + "]", values.isEmpty() ? "must be the 0-based index of one of the values"
						: "must be the 0-based index of one of the values (0 to " + (values.size() - 1) + ")"));
			}
			else {
				rebase.add(index);
			}
		}
		if (!errors.isEmpty() || direction == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request has " + errors.size() + " invalid field(s).");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", errors);
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		double[] series = values.stream().mapToDouble(v -> v).toArray();
		boolean screen = request.screenOutliers() == null || request.screenOutliers();
		Spc.Result result = Spc.calculate(series, direction, target, rebase, screen);
		List<SpcPointResponse> points = result.points()
			.stream()
			.map(p -> new SpcPointResponse(p.value(), p.mean(), p.lowerProcessLimit(), p.upperProcessLimit(),
					p.pointType().code()))
			.toList();
		return ResponseEntity.ok(new SpcResponse(points, result.variation().code(),
				result.assurance() == null ? null : result.assurance().code()));
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}

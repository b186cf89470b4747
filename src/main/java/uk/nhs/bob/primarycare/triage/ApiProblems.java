package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/**
 * 400 problem+json naming each invalid field, in the same shape as the platform's handler, for API checks that go
 * beyond annotations (an NHS number's check digit, a site that does not exist, a field the API does not know), and
 * the other problems the triage APIs answer.
 */
final class ApiProblems {

	/** The shape of every problem the triage APIs answer, for the OpenAPI document. */
	@Schema(name = "Problem", description = "RFC 9457 problem details")
	record Problem(@Schema(example = "about:blank") String type, @Schema(example = "Invalid request") String title,
			@Schema(example = "400") int status, @Schema(example = "The request has 1 invalid field(s).") String detail,
			@Nullable String instance, @Nullable List<FieldProblem> errors) {
	}

	@Schema(name = "FieldProblem")
	record FieldProblem(@Schema(example = "redFlags") String field, @Schema(example = "must not be null") String message) {
	}

	private ApiProblems() {
	}

	static ResponseEntity<Object> invalid(BindingResult result) {
		List<Map<String, String>> errors = result.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message",
					error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has " + errors.size() + " invalid field(s).");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ResponseEntity<Object> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/**
 * 400 problem+json naming each invalid field, in the same shape as the platform's handler, for API checks that go
 * beyond annotations (an NHS number's check digit, a site that does not exist).
 */
final class ApiProblems {

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

}

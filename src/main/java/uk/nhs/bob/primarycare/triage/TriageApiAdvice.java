package uk.nhs.bob.primarycare.triage;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A body the strict reader refuses (a whole number sent as "5" or 1.5, a yes/no answer as "yes", a date that does not
 * exist) answers 400 naming the field and the type it must have.
 */
@RestControllerAdvice(assignableTypes = { RequestApiController.class, NavigationApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class TriageApiAdvice {

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape.");
		problem.setTitle("Unreadable request");
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.orElse("");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", expected(databind))));
		}
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String expected(DatabindException ex) {
		Class<?> type = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
		if (type == Integer.class || type == int.class) {
			return "must be a whole number, like 3 (not text or a fraction)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == java.time.LocalDate.class) {
			return "must be a real date written YYYY-MM-DD, like 1990-02-03";
		}
		if (type == String.class) {
			return "must be text";
		}
		if (type != null && java.util.List.class.isAssignableFrom(type)) {
			return "must be a list";
		}
		return "has the wrong type or format";
	}

}

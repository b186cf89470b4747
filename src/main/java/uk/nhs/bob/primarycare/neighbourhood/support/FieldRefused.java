package uk.nhs.bob.primarycare.neighbourhood.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * Answers of a form that passed its own constraints but that a service refuses against what it holds (a member who is
 * not in the team, a person no longer on the caseload): each message goes on its field, in the order found.
 */
public final class FieldRefused extends RuntimeException {

	private final Map<String, String> problems;

	public FieldRefused(String field, String message) {
		this(Map.of(field, message));
	}

	public FieldRefused(Map<String, String> problems) {
		super(String.join("; ", problems.values()), null, false, false);
		this.problems = new LinkedHashMap<>(problems);
	}

	/** Puts each problem on its field of the form's binding result. */
	public void into(BindingResult errors) {
		problems.forEach((field, message) -> errors.rejectValue(field, "refused", message));
	}

}

package uk.nhs.bob.primarycare.programme;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * A change the programme's rules refuse, with the message to show next to the field (or above the form when the
 * field is null). Thrown by the services inside their transaction, so nothing is half-saved.
 */
final class Refused extends RuntimeException {

	private final @Nullable String field;

	Refused(@Nullable String field, String message) {
		super(message);
		this.field = field;
	}

	@Nullable String field() {
		return field;
	}

	/** Adds the refusal to the form's errors, so the page shows it in the error summary and keeps what was typed. */
	void rejectInto(BindingResult result) {
		if (field == null) {
			result.reject("refused", getMessage());
		}
		else {
			result.rejectValue(field, "refused", getMessage());
		}
	}

}

package uk.nhs.bob.primarycare.programme;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * A change (or a choice of filters) the programme's rules refuse, with the message to show next to each field (or
 * above the form when the field is null). Thrown by the services inside their transaction, so nothing is half-saved.
 */
public final class Refused extends RuntimeException {

	/** One reason: the field it is about (null for the form as a whole) and the message. */
	public record Reason(@Nullable String field, String message) {
	}

	private final List<Reason> reasons;

	public Refused(@Nullable String field, String message) {
		this(List.of(new Reason(field, message)));
	}

	/** Several reasons at once (at least one), so the page lists them all. */
	public Refused(List<Reason> reasons) {
		super(reasons.get(0).message());
		this.reasons = List.copyOf(reasons);
	}

	@Nullable String field() {
		return reasons.get(0).field();
	}

	List<Reason> reasons() {
		return reasons;
	}

	/** Adds the refusal to the form's errors, so the page shows it in the error summary and keeps what was typed. */
	void rejectInto(BindingResult result) {
		for (Reason reason : reasons) {
			if (reason.field() == null) {
				result.reject("refused", reason.message());
			}
			else {
				result.rejectValue(reason.field(), "refused", reason.message());
			}
		}
	}

}

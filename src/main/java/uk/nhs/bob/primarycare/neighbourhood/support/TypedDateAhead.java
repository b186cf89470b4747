package uk.nhs.bob.primarycare.neighbourhood.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;

/**
 * A date typed as people type them on these pages (27/3/2027) for something planned: a real date, from today (or
 * from tomorrow, when today is not allowed) to {@link #yearsAhead()} years from today (UK date). Blank passes (add
 * {@code @NotBlank} where a date is required). Each problem has its own message, naming the date by its
 * {@link #label()}.
 */
@Documented
@Constraint(validatedBy = TypedDateAhead.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TypedDateAhead {

	/** How the messages name the date, like Next review date. */
	String label();

	int yearsAhead();

	/** Whether today itself will do (otherwise the date must be in the future). */
	boolean todayAllowed() default true;

	String message() default "Enter a real date";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TypedDateAhead, String> {

		private String label = "";

		private int yearsAhead;

		private boolean todayAllowed;

		@Override
		public void initialize(TypedDateAhead annotation) {
			this.label = annotation.label();
			this.yearsAhead = annotation.yearsAhead();
			this.todayAllowed = annotation.todayAllowed();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			Optional<String> problem = problem(label, value, LocalDate.now(DateInput.UK_TIME), yearsAhead, todayAllowed);
			problem.ifPresent(message -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			});
			return problem.isEmpty();
		}

		/** What is wrong with a typed date that is not blank, in words naming it by {@code label}; empty if nothing. */
		static Optional<String> problem(String label, String value, LocalDate today, int yearsAhead,
				boolean todayAllowed) {
			Optional<LocalDate> date = PlanText.parse(value);
			if (date.isEmpty()) {
				return Optional.of(label + " must be a real date, like 27/3/2027");
			}
			if (todayAllowed ? date.get().isBefore(today) : !date.get().isAfter(today)) {
				return Optional.of(label + (todayAllowed ? " must be today or in the future" : " must be in the future"));
			}
			LocalDate last = today.plusYears(yearsAhead);
			if (date.get().isAfter(last)) {
				return Optional.of(label + " must be within " + (yearsAhead == 1 ? "a year" : yearsAhead + " years")
						+ ", by " + PlanText.date(last));
			}
			return Optional.empty();
		}

	}

}

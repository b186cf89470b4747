package uk.nhs.bob.primarycare.cvd;

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
 * The dates typed on the CVD person page (the NHS design system's three boxes, {@link DateInput.Parts}): when
 * something happened ({@link Recent}) and when an adjustment is reviewed ({@link Review}). Each problem has its own
 * message naming the date, on the form's day box ({@code field}).
 */
final class CvdDates {

	private CvdDates() {
	}

	/** A date given, real, today or earlier and within the last {@code maxYearsAgo} years. */
	@Documented
	@Constraint(validatedBy = Recent.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Recent {

		String label();

		String field() default "day";

		int maxYearsAgo() default 5;

		String message() default "Enter a real date";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<Recent, DateInput.Parts> {

			private Recent annotation;

			@Override
			public void initialize(Recent annotation) {
				this.annotation = annotation;
			}

			@Override
			public boolean isValid(DateInput.@Nullable Parts parts, ConstraintValidatorContext context) {
				if (parts == null) {
					return true;
				}
				String what = annotation.label();
				LocalDate today = LocalDate.now(PersonEvaluation.UK);
				String problem;
				Optional<LocalDate> date = parts.date();
				if (given(parts) == 0) {
					problem = "Enter the " + what;
				}
				else if (given(parts) < 3) {
					problem = "The " + what + " must include a day, month and year";
				}
				else if (date.isEmpty()) {
					problem = "The " + what + " must be a real date, like 15 3 2026";
				}
				else if (date.get().isAfter(today)) {
					problem = "The " + what + " must be today or in the past";
				}
				else if (date.get().isBefore(today.minusYears(annotation.maxYearsAgo()))) {
					problem = "The " + what + " must be within the last " + annotation.maxYearsAgo() + " years";
				}
				else {
					return true;
				}
				return refuse(context, problem, annotation.field());
			}

		}

	}

	/**
	 * An optional date after today and within {@code maxMonthsAhead} months: three empty boxes pass (the caller
	 * chooses the default).
	 */
	@Documented
	@Constraint(validatedBy = Review.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Review {

		String label();

		String field() default "day";

		int maxMonthsAhead() default 12;

		String message() default "Enter a real date";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<Review, DateInput.Parts> {

			private Review annotation;

			@Override
			public void initialize(Review annotation) {
				this.annotation = annotation;
			}

			@Override
			public boolean isValid(DateInput.@Nullable Parts parts, ConstraintValidatorContext context) {
				if (parts == null || given(parts) == 0) {
					return true;
				}
				String what = annotation.label();
				LocalDate today = LocalDate.now(PersonEvaluation.UK);
				Optional<LocalDate> date = parts.date();
				String problem;
				if (given(parts) < 3) {
					problem = "The " + what + " must include a day, month and year";
				}
				else if (date.isEmpty()) {
					problem = "The " + what + " must be a real date, like 15 3 2027";
				}
				else if (!date.get().isAfter(today)) {
					problem = "The " + what + " must be after today";
				}
				else if (date.get().isAfter(today.plusMonths(annotation.maxMonthsAhead()))) {
					problem = "The " + what + " must be within " + annotation.maxMonthsAhead() + " months";
				}
				else {
					return true;
				}
				return refuse(context, problem, annotation.field());
			}

		}

	}

	private static int given(DateInput.Parts parts) {
		return (blank(parts.day()) ? 0 : 1) + (blank(parts.month()) ? 0 : 1) + (blank(parts.year()) ? 0 : 1);
	}

	private static boolean blank(@Nullable String box) {
		return box == null || box.isBlank();
	}

	private static boolean refuse(ConstraintValidatorContext context, String problem, String field) {
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(problem).addPropertyNode(field).addConstraintViolation();
		return false;
	}

}

package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Episode counts that agree: the times in the last 12 months include the times in the last 6 months, so the second
 * is never smaller. Put on a type with {@code episodesLast6Months()} and {@code episodesLast12Months()}; the error
 * names {@code episodesLast12Months}.
 */
@Documented
@Constraint(validatedBy = EpisodeCounts.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface EpisodeCounts {

	String message() default "must be at least episodesLast6Months: the last 12 months include the last 6";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The two counts of a request body. */
	interface Counted {

		Integer episodesLast6Months();

		Integer episodesLast12Months();

	}

	class Validator implements ConstraintValidator<EpisodeCounts, Counted> {

		@Override
		public boolean isValid(Counted value, ConstraintValidatorContext context) {
			if (value == null || value.episodesLast6Months() == null || value.episodesLast12Months() == null
					|| value.episodesLast6Months() <= value.episodesLast12Months()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("episodesLast12Months")
				.addConstraintViolation();
			return false;
		}

	}

}

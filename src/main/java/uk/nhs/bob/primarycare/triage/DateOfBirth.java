package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;

/**
 * A date of birth of a living person: today or earlier (UK date), and no more than 130 years ago. Null is valid.
 */
@Documented
@Constraint(validatedBy = DateOfBirth.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface DateOfBirth {

	int MAX_AGE = 130;

	String message() default "must be a date of birth in the past, for an age of 0 to 130 years";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<DateOfBirth, LocalDate> {

		@Override
		public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
			return value == null || plausible(value, LocalDate.now(ServiceDirectory.UK_TIME));
		}

		static boolean plausible(LocalDate dateOfBirth, LocalDate today) {
			return !dateOfBirth.isAfter(today) && dateOfBirth.isAfter(today.minusYears(MAX_AGE + 1));
		}

	}

}

package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A number typed as text is from {@code min} to {@code max}. Blank or text that is not a number passes: the field's
 * {@code @NotBlank} and {@code @Pattern} say those, so each problem gets one message.
 */
@Documented
@Constraint(validatedBy = NumberIn.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@interface NumberIn {

	double min();

	double max();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NumberIn, String> {

		private double min;

		private double max;

		@Override
		public void initialize(NumberIn annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			double number;
			try {
				number = Double.parseDouble(value.trim());
			}
			catch (NumberFormatException ex) {
				return true;
			}
			return !Double.isFinite(number) || (number >= min && number <= max);
		}

	}

}

package uk.nhs.bob.primarycare.neighbourhood.support;

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
 * Text whose length, once trimmed (as it is saved), is from {@code min} to {@code max}: spaces typed around it do not
 * count. Blank passes (add {@code @NotBlank} where an answer is required), so a blank answer gets the one message that
 * asks for it.
 */
@Documented
@Constraint(validatedBy = TrimmedLength.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TrimmedLength {

	int min() default 0;

	int max() default Integer.MAX_VALUE;

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TrimmedLength, String> {

		private int min;

		private int max;

		@Override
		public void initialize(TrimmedLength annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			int length = value.trim().length();
			return length >= min && length <= max;
		}

	}

}

package uk.nhs.bob.primarycare.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Text typed as a whole number from {@code min} to {@code max}: blank passes (add {@code @NotBlank} where one is
 * required), anything else must be digits only (no sign, no decimals) in the range. Forms keep such answers as text so
 * that what was typed comes back when the form fails.
 */
@Documented
@Constraint(validatedBy = WholeNumberText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumberText {

	int min() default 0;

	int max();

	String message() default "{uk.nhs.bob.primarycare.shared.WholeNumberText.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the text with {@link #parse}. */
	class Validator implements ConstraintValidator<WholeNumberText, String> {

		private int min;

		private int max;

		@Override
		public void initialize(WholeNumberText annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || parse(value, min, max).isPresent();
		}

		/** The number typed, when it is digits only and in the range; empty otherwise (blank included). */
		public static Optional<Integer> parse(@Nullable String value, int min, int max) {
			if (value == null) {
				return Optional.empty();
			}
			String text = value.trim();
			// at most 9 digits, so the number fits an int whatever was typed
			if (!text.matches("\\d{1,9}")) {
				return Optional.empty();
			}
			int number = Integer.parseInt(text);
			return number < min || number > max ? Optional.empty() : Optional.of(number);
		}

	}

}

package uk.nhs.bob.primarycare.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Text that must name a constant of an enum, as the options of a radio or select list do: blank passes (add
 * {@code @NotBlank} where an answer is required), anything else must be one of the constants' names exactly, so a
 * forged option is refused rather than guessed.
 */
@Documented
@Constraint(validatedBy = EnumText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumText {

	Class<? extends Enum<?>> value();

	String message() default "{uk.nhs.bob.primarycare.shared.EnumText.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Compares the text with the enum's constant names. */
	class Validator implements ConstraintValidator<EnumText, String> {

		private String[] names = new String[0];

		@Override
		public void initialize(EnumText annotation) {
			this.names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || Arrays.asList(names).contains(value);
		}

	}

}

package uk.nhs.bob.primarycare.shared;

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
 * Text typed as a postcode: blank passes (add {@code @NotBlank} where one is required), anything else must be what
 * {@link Postcode#parse} accepts. The default message is in {@code ValidationMessages.properties}.
 */
@Documented
@Constraint(validatedBy = PostcodeText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PostcodeText {

	String message() default "{uk.nhs.bob.primarycare.shared.PostcodeText.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the text with {@link Postcode#parse}. */
	class Validator implements ConstraintValidator<PostcodeText, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || Postcode.parse(value).isPresent();
		}

	}

}

package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An API text field that must be one of an enum's codes ({@code "URINARY_SYMPTOMS"}, or lower case such as
 * {@code "female"}), so an unknown code is a 400 naming the field and listing the allowed codes rather than an
 * unreadable body.
 */
@Documented
@Constraint(validatedBy = CodeOf.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface CodeOf {

	Class<? extends Enum<?>> value();

	boolean lowerCase() default false;

	String message() default "is not a known code";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<CodeOf, String> {

		private String[] codes = new String[0];

		@Override
		public void initialize(CodeOf annotation) {
			codes = Arrays.stream(annotation.value().getEnumConstants())
				.map(e -> annotation.lowerCase() ? e.name().toLowerCase(Locale.ROOT) : e.name())
				.toArray(String[]::new);
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || Arrays.asList(codes).contains(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(
					"must be one of " + Arrays.stream(codes).collect(Collectors.joining(", ")))
				.addConstraintViolation();
			return false;
		}

	}

}

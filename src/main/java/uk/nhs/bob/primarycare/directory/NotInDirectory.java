package uk.nhs.bob.primarycare.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A new organisation's code that no organisation of its kind holds yet. The message names the holder: the text of
 * {@link #message()} with {@code %1$s} for the code (as stored) and {@code %2$s} for the holder's name. A code that is
 * blank or not of the right shape passes (its own constraints refuse it).
 */
@Documented
@Constraint(validatedBy = NotInDirectory.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@interface NotInDirectory {

	DirectoryCodes.Kind value();

	/** The refusal, formatted with the code and the holder's name. */
	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Looks the code up in the directory (a bean, so Spring gives it the directory). */
	class Validator implements ConstraintValidator<NotInDirectory, String> {

		private final DirectoryCodes codes;

		private DirectoryCodes.Kind kind = DirectoryCodes.Kind.PRACTICE;

		private String message = "";

		Validator(DirectoryCodes codes) {
			this.codes = codes;
		}

		@Override
		public void initialize(NotInDirectory annotation) {
			this.kind = annotation.value();
			this.message = annotation.message();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String code = value.trim().toUpperCase(Locale.UK);
			Optional<String> holder = codes.holder(kind, code);
			if (holder.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			// the holder's name was typed by an administrator: a brace in it must not be read as a parameter
			context.buildConstraintViolationWithTemplate(FormRefusals.literal(message.formatted(code, holder.get())))
				.addConstraintViolation();
			return false;
		}

	}

}

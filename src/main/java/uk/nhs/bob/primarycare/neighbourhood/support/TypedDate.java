package uk.nhs.bob.primarycare.neighbourhood.support;

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

import uk.nhs.bob.primarycare.directory.ServiceDirectory;

/**
 * A date typed as people type them on these pages (27/3/2026) for something that has already happened: a real date,
 * today or earlier (UK date), and no more than {@link #yearsBack()} years ago. Blank is valid (whether it is needed
 * is a rule of the form).
 */
@Documented
@Constraint(validatedBy = TypedDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface TypedDate {

	int yearsBack();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TypedDate, String> {

		private int yearsBack;

		@Override
		public void initialize(TypedDate annotation) {
			yearsBack = annotation.yearsBack();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			Optional<LocalDate> date = PlanText.parse(value);
			LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
			return date.isPresent() && !date.get().isAfter(today) && !date.get().isBefore(today.minusYears(yearsBack));
		}

	}

}

package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.population.Register;

/** One of the population module's disease registers, by its id (blank is valid: no register chosen). */
@Documented
@Constraint(validatedBy = RegisterName.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface RegisterName {

	String message() default "Choose a register from the list";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<RegisterName, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || register(value).isPresent();
		}

		static Optional<Register> register(@Nullable String value) {
			return value == null ? Optional.empty()
					: Arrays.stream(Register.values()).filter(r -> r.name().equals(value.trim())).findFirst();
		}

	}

}

package uk.nhs.bob.primarycare.directory;

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
 * A service form whose values fit together ({@link ServiceForm#problems()}): a type from the list, a whole street
 * address or none, offers that the type makes, and real opening hours. Each problem is an error on its own field.
 */
@Documented
@Constraint(validatedBy = ConsistentService.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ConsistentService {

	String message() default "Check the service's details";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ConsistentService, ServiceForm> {

		@Override
		public boolean isValid(@Nullable ServiceForm form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			var problems = form.problems();
			if (problems.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			problems.forEach(problem -> FormRefusals.refuse(context, problem.field(), problem.message()));
			return false;
		}

	}

}

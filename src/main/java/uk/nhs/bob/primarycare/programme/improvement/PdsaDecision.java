package uk.nhs.bob.primarycare.programme.improvement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import uk.nhs.bob.primarycare.programme.FormDates;
import uk.nhs.bob.primarycare.programme.Refused;

/**
 * A PDSA form's decision follows {@link Improvement#decision the rules of a decision}, checked on the form so that
 * its problems show with every other one (the service checks them again).
 */
@Documented
@Constraint(validatedBy = PdsaDecision.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PdsaDecision {

	String message() default "Check the decision";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PdsaDecision, PdsaForm> {

		@Override
		public boolean isValid(@Nullable PdsaForm form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			LocalDate actOn = FormDates.parse(form.actDay(), form.actMonth(), form.actYear()).orElse(null);
			LocalDate startedOn = FormDates.parse(form.startDay(), form.startMonth(), form.startYear()).orElse(null);
			boolean actDateTyped = !FormDates.blank(form.actDay(), form.actMonth(), form.actYear());
			var reasons = Improvement.decision(form.act(), actOn, startedOn, form.study());
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			for (Refused.Reason reason : reasons) {
				// a decision date that is not a real date is reported by @DateFields already
				if (actDateTyped && actOn == null && "actDay".equals(reason.field())) {
					continue;
				}
				valid = false;
				context.buildConstraintViolationWithTemplate(reason.message())
					.addPropertyNode(reason.field())
					.addConstraintViolation();
			}
			return valid;
		}

	}

}

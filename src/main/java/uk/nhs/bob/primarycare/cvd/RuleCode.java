package uk.nhs.bob.primarycare.cvd;

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
 * Text naming a case-finding rule by its code ({@link CaseFindingRule#ofCode}); blank passes (add {@code @NotBlank}
 * where one is required). With {@code adjustable}, only a rule a personalised care adjustment applies to.
 */
@Documented
@Constraint(validatedBy = RuleCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface RuleCode {

	boolean adjustable() default false;

	String message() default "Choose a rule from the list";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<RuleCode, String> {

		private boolean adjustable;

		@Override
		public void initialize(RuleCode annotation) {
			this.adjustable = annotation.adjustable();
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || CaseFindingRule.ofCode(value)
				.filter(rule -> !adjustable || !rule.adjustments().isEmpty())
				.isPresent();
		}

	}

}

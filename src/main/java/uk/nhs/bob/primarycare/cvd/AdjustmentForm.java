package uk.nhs.bob.primarycare.cvd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.EnumText;

/**
 * A personalised care adjustment to record: the rule it takes the person off, the reason (one that rule allows), an
 * optional review date (12 months from today when left blank) and a short note.
 */
@CvdDates.Review(label = "review date", field = "reviewDay", maxMonthsAhead = CareAdjustments.DEFAULT_MONTHS)
@AdjustmentForm.ReasonFitsRule
record AdjustmentForm(
		@NotBlank(message = RULE_MESSAGE)
		@RuleCode(adjustable = true, message = RULE_MESSAGE) @Nullable String adjustmentRule,
		@NotBlank(message = "Choose the reason")
		@EnumText(value = AdjustmentReason.class, message = "Choose the reason") @Nullable String adjustmentReason,
		@Nullable String reviewDay, @Nullable String reviewMonth, @Nullable String reviewYear,
		@Size(max = 500, message = "The note must be 500 characters or fewer") @Nullable String adjustmentNote)
		implements DateInput.Parts {

	static final String RULE_MESSAGE = "Choose the rule the adjustment is for";

	static AdjustmentForm empty() {
		return new AdjustmentForm(null, null, null, null, null, null);
	}

	@Override
	public @Nullable String day() {
		return reviewDay;
	}

	@Override
	public @Nullable String month() {
		return reviewMonth;
	}

	@Override
	public @Nullable String year() {
		return reviewYear;
	}

	/** The checked rule (call only once the form has passed its checks). */
	CaseFindingRule rule() {
		return CaseFindingRule.ofCode(adjustmentRule).orElseThrow();
	}

	AdjustmentReason reason() {
		return AdjustmentReason.valueOf(adjustmentReason);
	}

	/** The review date typed, or {@link CareAdjustments#DEFAULT_MONTHS} from today when none was. */
	LocalDate review(LocalDate today) {
		return date().orElse(today.plusMonths(CareAdjustments.DEFAULT_MONTHS));
	}

	/** The reason is one the rule allows (when both are known; the field checks say otherwise). */
	@Documented
	@Constraint(validatedBy = ReasonFitsRule.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface ReasonFitsRule {

		String message() default "'{reason}' does not apply to {rule}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<ReasonFitsRule, AdjustmentForm> {

			@Override
			public boolean isValid(@Nullable AdjustmentForm form, ConstraintValidatorContext context) {
				if (form == null || form.adjustmentRule() == null || form.adjustmentReason() == null) {
					return true;
				}
				CaseFindingRule rule = CaseFindingRule.ofCode(form.adjustmentRule()).orElse(null);
				AdjustmentReason reason = Arrays.stream(AdjustmentReason.values())
					.filter(r -> r.name().equals(form.adjustmentReason()))
					.findFirst()
					.orElse(null);
				if (rule == null || reason == null || rule.adjustments().isEmpty()
						|| rule.adjustments().contains(reason)) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.unwrap(HibernateConstraintValidatorContext.class)
					.addMessageParameter("reason", reason.label())
					.addMessageParameter("rule", rule.title())
					.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("adjustmentReason")
					.addConstraintViolation();
				return false;
			}

		}

	}

}

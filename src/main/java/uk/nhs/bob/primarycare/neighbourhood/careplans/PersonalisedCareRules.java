package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;

/**
 * The rules between the personalised care fields of a care plan form: consent to share needs whom it is shared with;
 * who the plan was agreed with and the date go together; an advance care plan or ReSPECT form needs where it is held;
 * a Clinical Frailty Scale score needs the date it was judged; each carer or next of kin listed needs a name, their
 * role, relationship and contact. Each error is reported on the field the person must fill in.
 */
@Documented
@Constraint(validatedBy = PersonalisedCareRules.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PersonalisedCareRules {

	String message() default "Complete the personalised care details";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PersonalisedCareRules, PlanForm> {

		@Override
		public boolean isValid(@Nullable PlanForm form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if ("YES".equals(form.consentToShare()) && TeamForms.blank(form.sharedWith())) {
				valid = report(context, "sharedWith", "Enter who the person agreed their plan can be shared with");
			}
			if (!TeamForms.blank(form.agreedWith()) && TeamForms.blank(form.agreedOn())) {
				valid = report(context, "agreedOn", "Enter the date the plan was agreed");
			}
			if (TeamForms.blank(form.agreedWith()) && !TeamForms.blank(form.agreedOn())) {
				valid = report(context, "agreedWith", "Choose who the plan was agreed with");
			}
			if (("YES".equals(form.advanceCarePlan()) || "YES".equals(form.respect()))
					&& TeamForms.blank(form.careDocumentsHeld())) {
				valid = report(context, "careDocumentsHeld",
						"Enter where the advance care plan or ReSPECT form is held");
			}
			if (!TeamForms.blank(form.frailtyScore()) && TeamForms.blank(form.frailtyJudgedOn())) {
				valid = report(context, "frailtyJudgedOn", "Enter the date of the Clinical Frailty Scale judgement");
			}
			if (TeamForms.blank(form.frailtyScore()) && !TeamForms.blank(form.frailtyJudgedOn())) {
				valid = report(context, "frailtyScore", "Choose a Clinical Frailty Scale score from 1 to 9");
			}
			List<PlanForm.CarerRow> carers = form.carers() == null ? List.of() : form.carers();
			for (int i = 0; i < carers.size(); i++) {
				PlanForm.CarerRow row = carers.get(i);
				if (row == null || row.empty()) {
					continue;
				}
				int n = i + 1;
				if (TeamForms.blank(row.name())) {
					valid = reportRow(context, i, "name", "Enter the name of carer or next of kin " + n);
				}
				if (TeamForms.blank(row.role())) {
					valid = reportRow(context, i, "role", "Choose whether person " + n + " is a carer, next of kin or both");
				}
				if (TeamForms.blank(row.relationship())) {
					valid = reportRow(context, i, "relationship", "Enter how carer or next of kin " + n
							+ " is related to the person");
				}
				if (TeamForms.blank(row.contact())) {
					valid = reportRow(context, i, "contact", "Enter how to contact carer or next of kin " + n);
				}
			}
			return valid;
		}

		private static boolean report(ConstraintValidatorContext context, String field, String message) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

		private static boolean reportRow(ConstraintValidatorContext context, int index, String field, String message) {
			context.buildConstraintViolationWithTemplate(message)
				.addPropertyNode("carers")
				.addPropertyNode(field)
				.inIterable()
				.atIndex(index)
				.addConstraintViolation();
			return false;
		}

	}

}

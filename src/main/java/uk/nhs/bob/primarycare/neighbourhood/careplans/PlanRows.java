package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;
import uk.nhs.bob.primarycare.shared.DateInput;

/**
 * The goals and actions of a care plan form ({@link PlanForm}): rows left wholly empty are ignored; every other row
 * needs its description (500 characters at most), a real target or due date within
 * {@link PlanForm#TARGET_YEARS_AHEAD} years and a status from the list; an action is owned by a member or by an
 * organisation (150 characters at most), not both. Messages number the rows as the person sees them (goal 1, goal 2,
 * skipping empty rows) and go on the row's field. Whether a member owner is in the team is the service's check.
 */
@Documented
@Constraint(validatedBy = PlanRows.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PlanRows {

	String message() default "Complete the goals and actions";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlanRows, PlanForm> {

		@Override
		public boolean isValid(@Nullable PlanForm form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			LocalDate today = LocalDate.now(DateInput.UK_TIME);
			Problems problems = new Problems(context);
			List<PlanForm.GoalRow> goals = form.goals() == null ? List.of() : form.goals();
			int n = 0;
			for (int i = 0; i < goals.size(); i++) {
				PlanForm.GoalRow row = goals.get(i);
				if (row != null && !row.empty()) {
					goal(row, "goals[" + i + "].", ++n, today, problems);
				}
			}
			List<PlanForm.ActionRow> actions = form.actions() == null ? List.of() : form.actions();
			n = 0;
			for (int i = 0; i < actions.size(); i++) {
				PlanForm.ActionRow row = actions.get(i);
				if (row != null && !row.empty()) {
					action(row, "actions[" + i + "].", ++n, today, problems);
				}
			}
			return problems.none;
		}

		private static void goal(PlanForm.GoalRow row, String prefix, int n, LocalDate today, Problems problems) {
			if (TeamForms.blank(row.description())) {
				problems.add(prefix + "description", "Enter goal " + n);
			}
			else if (row.description().trim().length() > 500) {
				problems.add(prefix + "description", "Goal " + n + " must be 500 characters or fewer");
			}
			date(row.targetDate(), "a target date for goal " + n, "Target date of goal " + n, prefix + "targetDate",
					today, problems);
			if (!known(GoalStatus.class, row.status())) {
				problems.add(prefix + "status", "Choose the status of goal " + n);
			}
		}

		private static void action(PlanForm.ActionRow row, String prefix, int n, LocalDate today, Problems problems) {
			if (TeamForms.blank(row.description())) {
				problems.add(prefix + "description", "Enter action " + n);
			}
			else if (row.description().trim().length() > 500) {
				problems.add(prefix + "description", "Action " + n + " must be 500 characters or fewer");
			}
			String organisation = TeamForms.trimmed(row.ownerOrganisation());
			boolean member = !TeamForms.blank(row.ownerMemberId());
			if (!member && organisation.isEmpty()) {
				problems.add(prefix + "ownerMemberId", "Choose a member or type an organisation who owns action " + n);
			}
			else if (member && !organisation.isEmpty()) {
				problems.add(prefix + "ownerOrganisation",
						"Action " + n + " is owned by a member or by an organisation, not both: clear one");
			}
			else if (organisation.length() > 150) {
				problems.add(prefix + "ownerOrganisation", "Organisation must be 150 characters or fewer");
			}
			date(row.dueDate(), "a due date for action " + n, "Due date of action " + n, prefix + "dueDate", today,
					problems);
			if (!known(ActionStatus.class, row.status())) {
				problems.add(prefix + "status", "Choose the status of action " + n);
			}
		}

		/** A target or due date: given, real, and within the years ahead (a past date is kept: it is overdue). */
		private static void date(@Nullable String text, String what, String label, String field, LocalDate today,
				Problems problems) {
			Optional<LocalDate> date = PlanText.parse(text);
			if (TeamForms.blank(text)) {
				problems.add(field, "Enter " + what);
			}
			else if (date.isEmpty()) {
				problems.add(field, label + " must be a real date, like 27/3/2027");
			}
			else if (date.get().isAfter(today.plusYears(PlanForm.TARGET_YEARS_AHEAD))) {
				problems.add(field, label + " must be within " + PlanForm.TARGET_YEARS_AHEAD + " years");
			}
		}

		private static <E extends Enum<E>> boolean known(Class<E> type, @Nullable String value) {
			return value != null && java.util.Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
		}

		/** The violations found, each on its field. */
		private static final class Problems {

			private final ConstraintValidatorContext context;

			private boolean none = true;

			Problems(ConstraintValidatorContext context) {
				this.context = context;
			}

			void add(String field, String message) {
				none = false;
				// "goals[2].description": the row's field, as the form posts it
				int open = field.indexOf('[');
				context.buildConstraintViolationWithTemplate(message)
					.addPropertyNode(field.substring(0, open))
					.addPropertyNode(field.substring(field.indexOf('.') + 1))
					.inIterable()
					.atIndex(Integer.valueOf(field.substring(open + 1, field.indexOf(']'))))
					.addConstraintViolation();
			}

		}

	}

}

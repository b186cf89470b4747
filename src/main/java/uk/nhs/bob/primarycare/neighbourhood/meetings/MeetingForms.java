package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.support.TrimmedLength;
import uk.nhs.bob.primarycare.neighbourhood.support.TypedDateAhead;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;

/**
 * The forms of the MDT meeting pages, checked by their constraints; whether a person or member named is the team's,
 * and a due date against the meeting's date, are {@link MdtMeetings}' checks.
 */
final class MeetingForms {

	static final String TIME = "Enter the start time in 24-hour clock, like 13:00";

	private MeetingForms() {
	}

	/** Scheduling a meeting. */
	record MeetingForm(
			@NotBlank(message = "Enter the date of the meeting") @TypedDateAhead(label = "Date",
					yearsAhead = 1) @Nullable String date,
			@NotNull(message = TIME) @Pattern(regexp = "\\s*([01]?\\d|2[0-3]):[0-5]\\d\\s*",
					message = TIME) @Nullable String time,
			@NotBlank(message = "Enter where the meeting is, or the video call name") @TrimmedLength(max = 150,
					message = "Location must be 150 characters or fewer") @Nullable String location) {

		LocalDate day() {
			return PlanText.parse(date).orElseThrow();
		}

		/** The start time, like 9:30 or 13:00. */
		LocalTime startTime() {
			String typed = time.trim();
			return LocalTime.parse(typed.length() == 4 ? "0" + typed : typed);
		}

	}

	/** A decision: about whom, what, who owns it (a member or an organisation), by when. */
	@DecisionRules
	record DecisionForm(@NotBlank(message = PERSON) @Nullable String entryId,
			@NotBlank(message = "Enter the decision, as the action to take") @TrimmedLength(max = 500,
					message = "Decision must be 500 characters or fewer") @Nullable String decision,
			@Nullable String ownerMemberId, @Nullable String ownerOrganisation,
			@NotBlank(message = "Enter the due date") @Nullable String dueDate) {

		static final String PERSON = "Choose the person the decision is about";

		static DecisionForm empty() {
			return new DecisionForm("", "", "", "", "");
		}

		LocalDate due() {
			return PlanText.parse(dueDate).orElseThrow();
		}

	}

	/**
	 * A decision's owner is a team member or an organisation (150 characters at most), not both; its due date is a
	 * real date. Each problem is reported on its field.
	 */
	@Documented
	@Constraint(validatedBy = DecisionRules.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface DecisionRules {

		String message() default "Complete the decision";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<DecisionRules, DecisionForm> {

			@Override
			public boolean isValid(@Nullable DecisionForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean member = !TeamForms.blank(form.ownerMemberId());
				String organisation = TeamForms.trimmed(form.ownerOrganisation());
				boolean valid = true;
				if (!member && organisation.isEmpty()) {
					valid = report(context, "ownerMemberId",
							"Choose a member or type an organisation who owns the action");
				}
				else if (member && !organisation.isEmpty()) {
					valid = report(context, "ownerOrganisation", "The owner is a member or an organisation, not both");
				}
				else if (organisation.length() > 150) {
					valid = report(context, "ownerOrganisation", "Organisation must be 150 characters or fewer");
				}
				if (!TeamForms.blank(form.dueDate()) && PlanText.parse(form.dueDate()).isEmpty()) {
					valid = report(context, "dueDate", "Due date must be a real date, like 27/3/2027");
				}
				return valid;
			}

			private static boolean report(ConstraintValidatorContext context, String field, String message) {
				context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
				return false;
			}

		}

	}

	/** A discussion note about a person on the caseload. */
	record NoteForm(@NotBlank(message = "Choose the person the note is about") @Nullable String noteEntryId,
			@NotBlank(message = "Enter the note of the discussion") @Size(max = 4000,
					message = "Note must be 4000 characters or fewer") @Nullable String note) {
	}

}

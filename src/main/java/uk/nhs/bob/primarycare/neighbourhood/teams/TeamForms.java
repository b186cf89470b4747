package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanForm;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.support.TrimmedLength;
import uk.nhs.bob.primarycare.shared.EnumText;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.WholeNumberText;

/**
 * The small forms of the team pages, checked by their constraints; what only the service can check (a staff user or
 * organisation from the lists offered, a site without a team) is {@link Teams}'.
 */
public final class TeamForms {

	private TeamForms() {
	}

	public static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	public static String trimmed(@Nullable String text) {
		return text == null ? "" : text.trim();
	}

	/** Setting up a team for a neighbourhood site. */
	record TeamForm(@NotBlank(message = "Choose the neighbourhood site") @Nullable String siteCode,
			@NotBlank(message = "Enter the team name") @TrimmedLength(max = 150,
					message = "Team name must be 150 characters or fewer") @Nullable String name) {
	}

	/**
	 * Adding a member: an existing staff user in the team's scope ({@code username}, from the list offered), or an
	 * invitation by email (name and email address) that creates a disabled account an administrator completes. The
	 * organisation is a name; when it is a practice or PCN the directory holds, it is chosen from the directory too
	 * ({@code organisationOds}), so its ODS code goes with it (and names it when no name is typed).
	 */
	@MemberRules
	record MemberForm(@Nullable String username, @Nullable String email, @Nullable String name,
			@Nullable String organisationOds,
			@TrimmedLength(max = 150,
					message = "Organisation must be 150 characters or fewer") @Nullable String organisation,
			@NotBlank(message = "Choose the member's discipline") @EnumText(value = Discipline.class,
					message = "Choose a discipline from the list") @Nullable String discipline,
			@NotNull(message = ROLE) @Pattern(regexp = "KEYWORKER|MEMBER|READ_ONLY",
					message = ROLE) @Nullable String teamRole) {

		static final String ROLE = "Choose the member's role in the team";

		public static MemberForm empty() {
			return new MemberForm("", "", "", "", "", "", TeamRole.MEMBER.name());
		}

		/** Whether this invites someone by email (no staff user chosen). */
		boolean invite() {
			return blank(username);
		}

		/** The member asked for, once checked: {@code organisation} and {@code ods} as the service resolved them. */
		NewMember wanted(String organisation, @Nullable OdsCode ods) {
			return new NewMember(invite() ? null : username.trim(), invite() ? email.trim() : null,
					invite() ? name.trim() : null, organisation, ods, Discipline.valueOf(discipline),
					TeamRole.valueOf(teamRole));
		}

	}

	/**
	 * A member form's rules between fields: a staff user or an invitation (an email address and a name), not both; an
	 * organisation typed or chosen from the directory.
	 */
	@Documented
	@Constraint(validatedBy = MemberRules.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface MemberRules {

		String message() default "Choose a staff user or invite someone";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<MemberRules, MemberForm> {

			@Override
			public boolean isValid(@Nullable MemberForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				boolean valid = true;
				if (form.invite()) {
					if (blank(form.email())) {
						valid = report(context, "username",
								"Choose a staff user from the list, or invite someone by entering their email address");
					}
					else if (form.email().trim().length() > 254
							|| !form.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
						valid = report(context, "email", "Enter an email address like name@nhs.net");
					}
					if (blank(form.name())) {
						valid = report(context, "name", "Enter the name of the person you are inviting");
					}
					else if (form.name().trim().length() > 100) {
						valid = report(context, "name", "Name must be 100 characters or fewer");
					}
				}
				else if (!blank(form.email())) {
					valid = report(context, "email", "Either choose a staff user or invite by email, not both");
				}
				if (blank(form.organisation()) && blank(form.organisationOds())) {
					valid = report(context, "organisation",
							"Enter the organisation the member works for, or choose it from the directory");
				}
				return valid;
			}

			private static boolean report(ConstraintValidatorContext context, String field, String message) {
				context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
				return false;
			}

		}

	}

	/** A checked member form: a username, or an invitation (email and name). */
	record NewMember(@Nullable String username, @Nullable String email, @Nullable String name, String organisation,
			@Nullable OdsCode organisationOds, Discipline discipline, TeamRole role) {
	}

	/**
	 * A cohort definition; numbers arrive as text, so that a number typed in words gets a message. The components are
	 * in the order of the page, which is the order of the error summary.
	 */
	@CohortRules
	public record CohortForm(
			@NotBlank(message = "Enter a name for the cohort, like Moderate or severe frailty") @TrimmedLength(max = 100,
					message = "Name must be 100 characters or fewer") @Nullable String name,
			@EnumText(value = FrailtyCategory.class, message = "Choose a frailty category from the list")
			@Pattern(regexp = "(?!FIT$).*",
					message = "Choose mild, moderate or severe frailty") @Nullable String minimumFrailty,
			@WholeNumberText(min = 1, max = 10,
					message = "Number of long-term conditions must be a whole number from 1 to 10") @Nullable String minimumLongTermConditions,
			@Nullable Boolean unplannedAdmissionRequired,
			@WholeNumberText(min = 1, max = 10,
					message = "Number of A&E attendances must be a whole number from 1 to 10") @Nullable String minimumAeAttendances,
			@RegisterName @Nullable String register,
			@WholeNumberText(min = 1, max = 4,
					message = "Choose how many of the most deprived quintiles to include, from 1 to 4") @Nullable String mostDeprivedQuintiles,
			@Nullable String version) {

		/** A definition with no A&E or register criterion. */
		public CohortForm(@Nullable String name, @Nullable String minimumFrailty, @Nullable String minimumLongTermConditions,
				@Nullable Boolean unplannedAdmissionRequired, @Nullable String mostDeprivedQuintiles,
				@Nullable String version) {
			this(name, minimumFrailty, minimumLongTermConditions, unplannedAdmissionRequired, "", "",
					mostDeprivedQuintiles, version);
		}

		public static CohortForm empty() {
			return new CohortForm("", "", "", false, "", "0");
		}

		/** The version the user started from; -1 (never current) if the field was tampered with. */
		public long expectedVersion() {
			return PlanForm.parseVersion(version);
		}

		boolean admissionRequired() {
			return Boolean.TRUE.equals(unplannedAdmissionRequired);
		}

		/** The same answers, to be saved over {@code latest}: a conflict's form keeps what was typed. */
		public CohortForm over(long latest) {
			return new CohortForm(name, minimumFrailty, minimumLongTermConditions, unplannedAdmissionRequired,
					minimumAeAttendances, register, mostDeprivedQuintiles, Long.toString(latest));
		}

		public static CohortForm of(CohortDefinition definition) {
			CohortCriteria c = definition.criteria();
			return new CohortForm(c.name(), c.minimumFrailty() == null ? "" : c.minimumFrailty().name(),
					c.minimumLongTermConditions() == null ? "" : c.minimumLongTermConditions().toString(),
					c.unplannedAdmissionRequired(),
					c.minimumAeAttendances() == null ? "" : c.minimumAeAttendances().toString(),
					c.register() == null ? "" : c.register().name(),
					c.mostDeprivedQuintiles() == null ? "" : c.mostDeprivedQuintiles().toString(),
					Long.toString(definition.version()));
		}

		/** The criteria typed, once Bean Validation has passed them. */
		public CohortCriteria criteria() {
			return new CohortCriteria(name.trim(), blank(minimumFrailty) ? null : FrailtyCategory.valueOf(minimumFrailty),
					number(minimumLongTermConditions), admissionRequired(), number(mostDeprivedQuintiles),
					number(minimumAeAttendances), RegisterName.Validator.register(register).orElse(null));
		}

		private static @Nullable Integer number(@Nullable String text) {
			return blank(text) ? null : Integer.valueOf(text.trim());
		}

	}

	/**
	 * A cohort needs at least one criterion besides deprivation: frailty, long-term conditions, an unplanned
	 * admission, A&E attendances or a register. Reported on the frailty question, the first of them.
	 */
	@Documented
	@Constraint(validatedBy = CohortRules.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface CohortRules {

		String message() default "Choose at least one of frailty, long-term conditions, an unplanned admission, A&E "
				+ "attendances or a register: deprivation alone is not a cohort";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<CohortRules, CohortForm> {

			@Override
			public boolean isValid(@Nullable CohortForm form, ConstraintValidatorContext context) {
				if (form == null || !blank(form.minimumFrailty()) || !blank(form.minimumLongTermConditions())
						|| form.admissionRequired() || !blank(form.minimumAeAttendances())
						|| !blank(form.register())) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("minimumFrailty")
					.addConstraintViolation();
				return false;
			}

		}

	}

}

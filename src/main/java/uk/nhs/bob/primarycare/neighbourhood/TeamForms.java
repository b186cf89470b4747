package uk.nhs.bob.primarycare.neighbourhood;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;

import uk.nhs.bob.primarycare.neighbourhood.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.shared.OdsCode;

/** The small forms of the team pages, each checking itself into the binding result. */
final class TeamForms {

	private TeamForms() {
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	static String trimmed(@Nullable String text) {
		return text == null ? "" : text.trim();
	}

	/** Setting up a team for a neighbourhood site. */
	record TeamForm(@Nullable String siteCode, @Nullable String name) {

		Optional<String> check(BindingResult errors) {
			if (blank(siteCode)) {
				errors.rejectValue("siteCode", "blank", "Choose the neighbourhood site");
			}
			if (blank(name)) {
				errors.rejectValue("name", "blank", "Enter the team name");
			}
			else if (name.trim().length() > 150) {
				errors.rejectValue("name", "long", "Team name must be 150 characters or fewer");
			}
			return errors.hasErrors() ? Optional.empty() : Optional.of(name.trim());
		}

	}

	/**
	 * Adding a member: an existing staff user in the team's scope ({@code username}, from the list offered), or an
	 * invitation by email (name and email address) that creates a disabled account an administrator completes. The
	 * organisation is a name; when it is a practice or PCN the directory holds, it is chosen from the directory too
	 * ({@code organisationOds}), so its ODS code goes with it (and names it when no name is typed).
	 */
	record MemberForm(@Nullable String username, @Nullable String email, @Nullable String name,
			@Nullable String organisation, @Nullable String organisationOds, @Nullable String discipline,
			@Nullable String teamRole) {

		static MemberForm empty() {
			return new MemberForm("", "", "", "", "", "", TeamRole.MEMBER.name());
		}

		/**
		 * What was asked for, checked: {@code staff} are the usernames (any case) the team may pick from,
		 * {@code organisations} the directory's organisations offered, by ODS code.
		 */
		Optional<NewMember> check(BindingResult errors, java.util.Set<String> staff,
				java.util.Map<String, String> organisations) {
			boolean invite = blank(username);
			if (!invite && !staff.contains(username.trim().toLowerCase(java.util.Locale.ROOT))) {
				errors.rejectValue("username", "unknown",
						"Choose a staff user from the list: only clinical staff whose scope covers this team's site");
			}
			if (invite) {
				if (blank(email)) {
					errors.rejectValue("username", "blank",
							"Choose a staff user from the list, or invite someone by entering their email address");
				}
				else if (email.trim().length() > 254
						|| !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
					errors.rejectValue("email", "invalid", "Enter an email address like name@nhs.net");
				}
				if (blank(name)) {
					errors.rejectValue("name", "blank", "Enter the name of the person you are inviting");
				}
				else if (name.trim().length() > 100) {
					errors.rejectValue("name", "long", "Name must be 100 characters or fewer");
				}
			}
			else if (!blank(email)) {
				errors.rejectValue("email", "both", "Either choose a staff user or invite by email, not both");
			}
			OdsCode ods = null;
			String directoryName = null;
			if (!blank(organisationOds)) {
				ods = OdsCode.parse(organisationOds).filter(code -> organisations.containsKey(code.value())).orElse(null);
				if (ods == null) {
					errors.rejectValue("organisationOds", "unknown",
							"Choose the organisation from the list of this site's practices and PCNs, or leave it as Choose");
				}
				else {
					directoryName = organisations.get(ods.value());
				}
			}
			String organisationName = blank(organisation) && directoryName != null ? directoryName : organisation;
			if (blank(organisationName)) {
				errors.rejectValue("organisation", "blank",
						"Enter the organisation the member works for, or choose it from the directory");
			}
			else if (organisationName.trim().length() > 150) {
				errors.rejectValue("organisation", "long", "Organisation must be 150 characters or fewer");
			}
			Discipline parsed = null;
			if (blank(discipline)) {
				errors.rejectValue("discipline", "blank", "Choose the member's discipline");
			}
			else {
				try {
					parsed = Discipline.valueOf(discipline);
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("discipline", "invalid", "Choose a discipline from the list");
				}
			}
			Optional<TeamRole> role = TeamRole.of(teamRole);
			if (role.isEmpty()) {
				errors.rejectValue("teamRole", "blank", "Choose the member's role in the team");
			}
			if (errors.hasErrors() || parsed == null) {
				return Optional.empty();
			}
			return Optional.of(new NewMember(invite ? null : username.trim(), invite ? email.trim() : null,
					invite ? name.trim() : null, organisationName.trim(), ods, parsed, role.get()));
		}

	}

	/** A checked member form: a username, or an invitation (email and name). */
	record NewMember(@Nullable String username, @Nullable String email, @Nullable String name, String organisation,
			@Nullable OdsCode organisationOds, Discipline discipline, TeamRole role) {
	}

	/** A cohort definition; numbers arrive as text, so that a number typed in words gets a message. */
	record CohortForm(@Nullable String name, @Nullable String minimumFrailty, @Nullable String minimumLongTermConditions,
			@Nullable Boolean unplannedAdmissionRequired, @Nullable String mostDeprivedQuintiles,
			@Nullable String version,
			@Pattern(regexp = "|\\s*([1-9]|10)\\s*", message = "Number of A&E attendances must be a whole number from 1 to 10") @Nullable String minimumAeAttendances,
			@RegisterName @Nullable String register) {

		CohortForm(@Nullable String name, @Nullable String minimumFrailty, @Nullable String minimumLongTermConditions,
				@Nullable Boolean unplannedAdmissionRequired, @Nullable String mostDeprivedQuintiles,
				@Nullable String version) {
			this(name, minimumFrailty, minimumLongTermConditions, unplannedAdmissionRequired, mostDeprivedQuintiles,
					version, "", "");
		}

		static CohortForm empty() {
			return new CohortForm("", "", "", false, "", "0");
		}

		/** The version the user started from; -1 (never current) if the field was tampered with. */
		long expectedVersion() {
			return PlanForm.parseVersion(version);
		}

		boolean admissionRequired() {
			return Boolean.TRUE.equals(unplannedAdmissionRequired);
		}

		static CohortForm of(CohortDefinition definition) {
			CohortCriteria c = definition.criteria();
			return new CohortForm(c.name(), c.minimumFrailty() == null ? "" : c.minimumFrailty().name(),
					c.minimumLongTermConditions() == null ? "" : c.minimumLongTermConditions().toString(),
					c.unplannedAdmissionRequired(),
					c.mostDeprivedQuintiles() == null ? "" : c.mostDeprivedQuintiles().toString(),
					Long.toString(definition.version()),
					c.minimumAeAttendances() == null ? "" : c.minimumAeAttendances().toString(),
					c.register() == null ? "" : c.register().name());
		}

		Optional<CohortCriteria> check(BindingResult errors) {
			if (blank(name)) {
				errors.rejectValue("name", "blank", "Enter a name for the cohort, like Moderate or severe frailty");
			}
			else if (name.trim().length() > 100) {
				errors.rejectValue("name", "long", "Name must be 100 characters or fewer");
			}
			FrailtyCategory frailty = null;
			if (!blank(minimumFrailty)) {
				try {
					frailty = FrailtyCategory.valueOf(minimumFrailty);
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("minimumFrailty", "invalid", "Choose a frailty category from the list");
				}
				if (frailty == FrailtyCategory.FIT) {
					errors.rejectValue("minimumFrailty", "fit", "Choose mild, moderate or severe frailty");
				}
			}
			Integer conditions = number(minimumLongTermConditions, "minimumLongTermConditions", 1, 10,
					"Number of long-term conditions must be a whole number from 1 to 10", errors);
			Integer quintiles = number(mostDeprivedQuintiles, "mostDeprivedQuintiles", 1, 4,
					"Choose how many of the most deprived quintiles to include, from 1 to 4", errors);
			// both were checked by their constraints: an unreadable value has its error already and counts as unset
			Integer attendances = blank(minimumAeAttendances) || !minimumAeAttendances.trim().matches("\\d{1,2}") ? null
					: Integer.valueOf(minimumAeAttendances.trim());
			Register onRegister = RegisterName.Validator.register(register).orElse(null);
			if (!errors.hasErrors() && frailty == null && conditions == null && !admissionRequired()
					&& attendances == null && onRegister == null) {
				errors.rejectValue("minimumFrailty", "none", "Choose at least one of frailty, long-term conditions, "
						+ "an unplanned admission, A&E attendances or a register: deprivation alone is not a cohort");
			}
			return errors.hasErrors() ? Optional.empty()
					: Optional.of(new CohortCriteria(name.trim(), frailty, conditions, admissionRequired(),
							quintiles, attendances, onRegister));
		}

		private static @Nullable Integer number(@Nullable String text, String field, int min, int max, String message,
				BindingResult errors) {
			if (blank(text)) {
				return null;
			}
			try {
				int value = Integer.parseInt(text.trim());
				if (value < min || value > max) {
					errors.rejectValue(field, "range", message);
					return null;
				}
				return value;
			}
			catch (NumberFormatException ex) {
				errors.rejectValue(field, "number", message);
				return null;
			}
		}

	}

}

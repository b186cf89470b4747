package uk.nhs.bob.primarycare.triage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * Checks a {@link RequestForm} field by field, adding a plain-English error for each problem, and turns the valid parts
 * into the request's person and details. The rules need several fields at once, so they are code, not annotations.
 */
final class RequestFormCheck {

	private RequestFormCheck() {
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static @Nullable String trimmed(@Nullable String value) {
		return blank(value) ? null : value.trim();
	}

	/** The problem, red flags and answers; null when any of them is wrong (errors added). */
	static @Nullable RequestDetails details(RequestForm form, BindingResult errors, boolean contactRequired) {
		Set<RedFlag> flags = redFlags(form, errors);
		PresentingProblem problem = null;
		if (blank(form.problem())) {
			errors.rejectValue("problem", "problem.blank", "Choose what the problem is about");
		}
		else {
			try {
				problem = PresentingProblem.valueOf(form.problem());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("problem", "problem.unknown", "Choose what the problem is about from the list");
			}
		}
		length(form.onset(), 500, "onset", "How it started", errors);
		length(form.description(), 2000, "description", "Description", errors);
		Integer symptomDays = number(form.symptomDays(), 0, 36500, "symptomDays",
				"Number of days must be a whole number, like 3", errors);
		Integer episodes6 = number(form.episodesLast6Months(), 1, 200, "episodesLast6Months",
				"Times in the last 6 months must be a whole number, 1 or more as it counts this time", errors);
		Integer episodes12 = number(form.episodesLast12Months(), 1, 400, "episodesLast12Months",
				"Times in the last 12 months must be a whole number, 1 or more as it counts this time", errors);
		Integer feverPain = number(form.feverPainScore(), 0, 5, "feverPainScore",
				"FeverPAIN score must be a whole number from 0 to 5", errors);
		Integer rashDays = number(form.rashOnsetDays(), 0, 36500, "rashOnsetDays",
				"Days since the rash started must be a whole number, like 2", errors);
		if (episodes6 != null && episodes12 != null && episodes6 > episodes12) {
			errors.rejectValue("episodesLast12Months", "episodes.order",
					"Times in the last 12 months must include the times in the last 6 months");
		}
		Boolean pregnant = yesNo(form.pregnant(), "pregnant", errors);
		Boolean immunosuppressed = yesNo(form.immunosuppressed(), "immunosuppressed", errors);
		Boolean catheter = yesNo(form.urinaryCatheter(), "urinaryCatheter", errors);
		String phone = trimmed(form.contactPhone());
		if (phone == null && contactRequired) {
			errors.rejectValue("contactPhone", "contactPhone.blank", "Enter a phone number we can call you on");
		}
		else if (phone != null && UkPhoneNumber.Validator.parse(phone).isEmpty()) {
			errors.rejectValue("contactPhone", "contactPhone.invalid",
					"Enter a UK phone number, like 01296 123456 or 0118 496 0123");
		}
		if (errors.hasErrors() || problem == null) {
			return null;
		}
		return new RequestDetails(problem, trimmed(form.onset()), trimmed(form.description()), flags, pregnant,
				immunosuppressed, catheter, symptomDays, episodes6, episodes12, feverPain, rashDays,
				phone == null ? null : UkPhoneNumber.Validator.parse(phone).orElseThrow(),
				"someone".equals(form.forWhom()));
	}

	/** The red-flag answer: the flags ticked, with errors for no answer, unknown codes, or a flag and none at once. */
	static Set<RedFlag> redFlags(RequestForm form, BindingResult errors) {
		Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
		if (form.redFlags() == null || form.redFlags().isEmpty()) {
			errors.rejectValue("redFlags", "redFlags.blank",
					"Answer the urgent symptoms question: tick any that apply, or None of these");
		}
		else {
			boolean none = form.redFlags().contains(RequestForm.NO_RED_FLAGS);
			for (String code : form.redFlags()) {
				if (code.equals(RequestForm.NO_RED_FLAGS)) {
					continue;
				}
				try {
					flags.add(RedFlag.valueOf(code));
				}
				catch (IllegalArgumentException ex) {
					errors.rejectValue("redFlags", "redFlags.unknown", "Choose urgent symptoms from the list");
				}
			}
			if (none && !flags.isEmpty()) {
				errors.rejectValue("redFlags", "redFlags.both",
						"You ticked None of these and an urgent symptom: untick None of these or the symptom");
			}
		}
		return flags;
	}

	/** First and last name: given, at most 100 characters each. */
	static void names(RequestForm form, BindingResult errors) {
		String given = trimmed(form.givenName());
		String family = trimmed(form.familyName());
		if (given == null) {
			errors.rejectValue("givenName", "givenName.blank", "Enter a first name");
		}
		else if (given.length() > 100) {
			errors.rejectValue("givenName", "givenName.long", "First name must be 100 characters or fewer");
		}
		if (family == null) {
			errors.rejectValue("familyName", "familyName.blank", "Enter a last name");
		}
		else if (family.length() > 100) {
			errors.rejectValue("familyName", "familyName.long", "Last name must be 100 characters or fewer");
		}
	}

	/** The person's details as typed (someone not found in the population, or the public form). */
	static @Nullable RequestedPerson person(RequestForm form, BindingResult errors) {
		String given = trimmed(form.givenName());
		String family = trimmed(form.familyName());
		names(form, errors);
		LocalDate dateOfBirth = dateOfBirth(form, errors);
		Sex sex = null;
		if ("female".equals(form.sex())) {
			sex = Sex.FEMALE;
		}
		else if ("male".equals(form.sex())) {
			sex = Sex.MALE;
		}
		else {
			errors.rejectValue("sex", "sex.blank", "Choose the sex recorded at the GP practice");
		}
		String nhsNumber = null;
		if (!blank(form.nhsNumber())) {
			Optional<NhsNumber> parsed = NhsNumber.parse(form.nhsNumber().replaceAll("[\\s-]", ""));
			if (parsed.isEmpty()) {
				errors.rejectValue("nhsNumber", "nhsNumber.invalid",
						"Enter a valid 10 digit NHS number, like 943 476 5919, or leave it blank");
			}
			else {
				nhsNumber = parsed.get().value();
			}
		}
		String postcode = null;
		if (!blank(form.postcode())) {
			Optional<Postcode> parsed = Postcode.parse(form.postcode());
			if (parsed.isEmpty()) {
				errors.rejectValue("postcode", "postcode.invalid", "Enter a real postcode, like HP20 1AA");
			}
			else {
				postcode = parsed.get().value();
			}
		}
		if (given == null || family == null || given.length() > 100 || family.length() > 100 || dateOfBirth == null
				|| sex == null || errors.hasFieldErrors("nhsNumber") || errors.hasFieldErrors("postcode")) {
			return null;
		}
		return new RequestedPerson(nhsNumber, given, family, dateOfBirth, sex, postcode);
	}

	static @Nullable LocalDate dateOfBirth(RequestForm form, BindingResult errors) {
		if (blank(form.day()) && blank(form.month()) && blank(form.year())) {
			errors.rejectValue("day", "dateOfBirth.blank", "Enter a date of birth");
			return null;
		}
		if (blank(form.day()) || blank(form.month()) || blank(form.year())) {
			errors.rejectValue("day", "dateOfBirth.incomplete", "Date of birth must include a day, month and year");
			return null;
		}
		LocalDate date = null;
		if (form.day().trim().matches("\\d{1,2}") && form.month().trim().matches("\\d{1,2}")
				&& form.year().trim().matches("\\d{4}")) {
			try {
				date = LocalDate.of(Integer.parseInt(form.year().trim()), Integer.parseInt(form.month().trim()),
						Integer.parseInt(form.day().trim()));
			}
			catch (DateTimeException ex) {
				date = null;
			}
		}
		if (date == null) {
			errors.rejectValue("day", "dateOfBirth.invalid", "Date of birth must be a real date, like 15 3 1984");
			return null;
		}
		if (!DateOfBirth.Validator.plausible(date, LocalDate.now(uk.nhs.bob.primarycare.directory.ServiceDirectory.UK_TIME))) {
			errors.rejectValue("day", "dateOfBirth.range", "Date of birth must be in the past 130 years");
			return null;
		}
		return date;
	}

	static void length(@Nullable String value, int max, String field, String label, BindingResult errors) {
		if (value != null && value.trim().length() > max) {
			errors.rejectValue(field, field + ".long", label + " must be " + max + " characters or fewer");
		}
	}

	static @Nullable Integer number(@Nullable String value, int min, int max, String field, String message,
			BindingResult errors) {
		if (blank(value)) {
			return null;
		}
		String text = value.trim();
		if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
			errors.rejectValue(field, field + ".invalid", message);
			return null;
		}
		return Integer.parseInt(text);
	}

	static @Nullable Boolean yesNo(@Nullable String value, String field, BindingResult errors) {
		if (blank(value) || value.equals("unknown")) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "yes" -> true;
			case "no" -> false;
			default -> {
				errors.rejectValue(field, field + ".invalid", "Choose yes, no or not sure");
				yield null;
			}
		};
	}

}

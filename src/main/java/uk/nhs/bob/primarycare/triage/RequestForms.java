package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.WholeNumberText;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

/**
 * Turns a {@link RequestForm} that passed its checks (its Bean Validation groups) into the request's details and
 * person: the typed text becomes values once, here.
 */
final class RequestForms {

	private RequestForms() {
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static @Nullable String trimmed(@Nullable String value) {
		return blank(value) ? null : value.trim();
	}

	/** The problem, red flags and answers of a form that passed {@link RequestForm.Details}. */
	static RequestDetails details(RequestForm form) {
		String phone = trimmed(form.contactPhone());
		return new RequestDetails(PresentingProblem.valueOf(form.problem()), trimmed(form.onset()),
				trimmed(form.description()), redFlags(form), yesNo(form.pregnant()), yesNo(form.immunosuppressed()),
				yesNo(form.urinaryCatheter()), number(form.symptomDays(), 0, 36500),
				number(form.episodesLast6Months(), 1, RequestForm.MAX_EPISODES_6),
				number(form.episodesLast12Months(), 1, RequestForm.MAX_EPISODES_12), number(form.feverPainScore(), 0, 5),
				number(form.rashOnsetDays(), 0, 36500),
				phone == null ? null : UkPhoneNumber.Validator.parse(phone).orElseThrow(),
				"someone".equals(form.forWhom()));
	}

	/** The red flags ticked ("None of these" is no flag). */
	static Set<RedFlag> redFlags(RequestForm form) {
		Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
		if (form.redFlags() != null) {
			form.redFlags().forEach(code -> RedFlag.parse(code).ifPresent(flags::add));
		}
		return flags;
	}

	/** The person's details as typed, of a form that passed {@link RequestForm.TypedPerson}. */
	static RequestedPerson person(RequestForm form) {
		LocalDate dateOfBirth = form.date().orElseThrow();
		NhsNumber nhsNumber = blank(form.nhsNumber()) ? null : NhsNumber.parse(form.nhsNumber()).orElseThrow();
		String postcode = blank(form.postcode()) ? null : Postcode.parse(form.postcode()).orElseThrow().value();
		return new RequestedPerson(nhsNumber, form.givenName().trim(), form.familyName().trim(), dateOfBirth,
				"female".equals(form.sex()) ? Sex.FEMALE : Sex.MALE, postcode);
	}

	private static @Nullable Integer number(@Nullable String value, int min, int max) {
		return WholeNumberText.Validator.parse(value, min, max).orElse(null);
	}

	private static @Nullable Boolean yesNo(@Nullable String value) {
		return switch (blank(value) ? "unknown" : value.toLowerCase(Locale.ROOT)) {
			case "yes" -> true;
			case "no" -> false;
			default -> null;
		};
	}

}

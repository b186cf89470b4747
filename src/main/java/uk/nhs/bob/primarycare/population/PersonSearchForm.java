package uk.nhs.bob.primarycare.population;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A person search: an NHS number, or a family name and date of birth (NHS.UK date input: day, month, year),
 * optionally narrowed by postcode. The
 * rules need more than one field at a time, so {@link PeopleController} validates it rather than annotations.
 */
record PersonSearchForm(@Nullable String nhsNumber, @Nullable String familyName, @Nullable String day,
		@Nullable String month, @Nullable String year, @Nullable String postcode) {

	boolean hasNhsNumber() {
		return !blank(nhsNumber);
	}

	boolean hasNameOrDate() {
		return !blank(familyName) || hasAnyDatePart() || !blank(postcode);
	}

	boolean hasAnyDatePart() {
		return !blank(day) || !blank(month) || !blank(year);
	}

	boolean hasWholeDate() {
		return !blank(day) && !blank(month) && !blank(year);
	}

	/** The date of birth if the three parts make a real date with a four-digit year. */
	Optional<LocalDate> dateOfBirth() {
		if (!hasWholeDate() || !day.trim().matches("\\d{1,2}") || !month.trim().matches("\\d{1,2}")
				|| !year.trim().matches("\\d{4}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
					Integer.parseInt(day.trim())));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The NHS number as digits only: people type spaces or hyphens between the groups. */
	String nhsNumberDigits() {
		return nhsNumber == null ? "" : nhsNumber.replaceAll("[\\s-]", "");
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}

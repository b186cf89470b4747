package uk.nhs.bob.primarycare.cvd;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/** Reads an NHS.UK date input (day, month, year as typed) and rejects it on the day field with a plain message. */
final class DateParts {

	private DateParts() {
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	static Optional<LocalDate> read(@Nullable String day, @Nullable String month, @Nullable String year,
			String what, LocalDate today, Errors errors) {
		return read(day, month, year, what, today, errors, "day");
	}

	static Optional<LocalDate> read(@Nullable String day, @Nullable String month, @Nullable String year,
			String what, LocalDate today, Errors errors, String dayField) {
		if (blank(day) && blank(month) && blank(year)) {
			errors.rejectValue(dayField, "date.blank", "Enter the " + what);
			return Optional.empty();
		}
		if (blank(day) || blank(month) || blank(year)) {
			errors.rejectValue(dayField, "date.incomplete", "The " + what + " must include a day, month and year");
			return Optional.empty();
		}
		if (!day.trim().matches("\\d{1,2}") || !month.trim().matches("\\d{1,2}") || !year.trim().matches("\\d{4}")) {
			errors.rejectValue(dayField, "date.invalid", "The " + what + " must be a real date, like 15 3 2026");
			return Optional.empty();
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
					Integer.parseInt(day.trim()));
		}
		catch (DateTimeException ex) {
			errors.rejectValue(dayField, "date.invalid", "The " + what + " must be a real date, like 15 3 2026");
			return Optional.empty();
		}
		if (date.isAfter(today)) {
			errors.rejectValue(dayField, "date.future", "The " + what + " must be today or in the past");
			return Optional.empty();
		}
		if (date.isBefore(today.minusYears(5))) {
			errors.rejectValue(dayField, "date.old", "The " + what + " must be within the last 5 years");
			return Optional.empty();
		}
		return Optional.of(date);
	}

	/** A date after today and no later than {@code latest}, or empty with the message on the day field. */
	static Optional<LocalDate> future(@Nullable String day, @Nullable String month, @Nullable String year, String what,
			LocalDate today, LocalDate latest, Errors errors, String dayField) {
		if (blank(day) || blank(month) || blank(year)) {
			errors.rejectValue(dayField, "date.incomplete", "The " + what + " must include a day, month and year");
			return Optional.empty();
		}
		if (!day.trim().matches("\\d{1,2}") || !month.trim().matches("\\d{1,2}") || !year.trim().matches("\\d{4}")) {
			errors.rejectValue(dayField, "date.invalid", "The " + what + " must be a real date, like 15 3 2027");
			return Optional.empty();
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
					Integer.parseInt(day.trim()));
		}
		catch (DateTimeException ex) {
			errors.rejectValue(dayField, "date.invalid", "The " + what + " must be a real date, like 15 3 2027");
			return Optional.empty();
		}
		if (!date.isAfter(today)) {
			errors.rejectValue(dayField, "date.past", "The " + what + " must be after today");
			return Optional.empty();
		}
		if (date.isAfter(latest)) {
			errors.rejectValue(dayField, "date.late", "The " + what + " must be within 12 months");
			return Optional.empty();
		}
		return Optional.of(date);
	}

	/** A whole number typed into a field, or empty with the message on that field. */
	static Optional<Integer> whole(@Nullable String value, String field, String label, int min, int max,
			Errors errors) {
		if (blank(value)) {
			errors.rejectValue(field, field + ".blank", "Enter the " + label);
			return Optional.empty();
		}
		if (!value.trim().matches("\\d{1,4}")) {
			errors.rejectValue(field, field + ".invalid", "The " + label + " must be a whole number, like " + min * 2);
			return Optional.empty();
		}
		int number = Integer.parseInt(value.trim());
		if (number < min || number > max) {
			errors.rejectValue(field, field + ".range", "The " + label + " must be between " + min + " and " + max);
			return Optional.empty();
		}
		return Optional.of(number);
	}

}

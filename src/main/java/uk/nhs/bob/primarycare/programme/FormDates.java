package uk.nhs.bob.primarycare.programme;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Reads the three boxes of an NHS.UK date input. */
public final class FormDates {

	private FormDates() {
	}

	public static Optional<LocalDate> parse(@Nullable String day, @Nullable String month, @Nullable String year) {
		try {
			int y = Integer.parseInt(year == null ? "" : year.strip());
			if (y < 2000 || y > 2100) {
				return Optional.empty();
			}
			return Optional.of(LocalDate.of(y, Integer.parseInt(month == null ? "" : month.strip()),
					Integer.parseInt(day == null ? "" : day.strip())));
		}
		catch (NumberFormatException | DateTimeException ex) {
			return Optional.empty();
		}
	}

	public static boolean blank(@Nullable String day, @Nullable String month, @Nullable String year) {
		return (day == null || day.isBlank()) && (month == null || month.isBlank()) && (year == null || year.isBlank());
	}

	public static String day(@Nullable LocalDate date) {
		return date == null ? "" : String.valueOf(date.getDayOfMonth());
	}

	public static String month(@Nullable LocalDate date) {
		return date == null ? "" : String.valueOf(date.getMonthValue());
	}

	public static String year(@Nullable LocalDate date) {
		return date == null ? "" : String.valueOf(date.getYear());
	}

}

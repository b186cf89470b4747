package uk.nhs.bob.primarycare.neighbourhood.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Dates as people type and read them on these pages: 27/3/2026 in, 27 Mar 2026 out. */
public final class PlanText {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("d/M/yyyy", Locale.UK);

	private PlanText() {
	}

	public static String date(@Nullable LocalDate date) {
		return date == null ? "none" : SHOWN.format(date);
	}

	/** A typed date: 27/3/2026 (also 27-3-2026, 27.3.2026 and 2026-03-27), or empty if it is not a real date. */
	public static Optional<LocalDate> parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		try {
			if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return Optional.of(LocalDate.parse(trimmed));
			}
			return Optional.of(LocalDate.parse(trimmed.replace('-', '/').replace('.', '/').replace(' ', '/'), TYPED));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	public static String formValue(@Nullable LocalDate date) {
		return date == null ? "" : FORM.format(date);
	}

}

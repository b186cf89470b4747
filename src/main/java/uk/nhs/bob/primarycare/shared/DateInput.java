package uk.nhs.bob.primarycare.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The NHS design system's date input: a date typed as three boxes, day, month and year. A form record that holds one
 * implements {@link Parts}; {@link DateOfBirth} on the record checks the three boxes together and puts its one message
 * on the day box, as the NHS error summary links to the first box of the date.
 */
public final class DateInput {

	/** Dates on forms are UK dates. */
	public static final ZoneId UK_TIME = ZoneId.of("Europe/London");

	private DateInput() {
	}

	/** A form with a date typed in three boxes. */
	public interface Parts {

		@Nullable String day();

		@Nullable String month();

		@Nullable String year();

		/** The date typed, when all three boxes make a real date (a four-digit year); empty otherwise. */
		default Optional<LocalDate> date() {
			return DateInput.parse(day(), month(), year());
		}

	}

	/** The date of a day, month and year typed as text: one or two digits, one or two digits, four digits. */
	public static Optional<LocalDate> parse(@Nullable String day, @Nullable String month, @Nullable String year) {
		if (day == null || month == null || year == null || !day.trim().matches("\\d{1,2}")
				|| !month.trim().matches("\\d{1,2}") || !year.trim().matches("\\d{4}")) {
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

	/**
	 * A date of birth typed in three boxes ({@link Parts}): all three given, a real date, today or earlier and no
	 * more than {@code maxAgeYears} ago. Each problem has its own message, on the {@code day} box.
	 */
	@Documented
	@Constraint(validatedBy = DateOfBirth.Validator.class)
	@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	public @interface DateOfBirth {

		int maxAgeYears() default 130;

		/** Whether no date at all is an error (otherwise three empty boxes pass). */
		boolean required() default true;

		String message() default "{uk.nhs.bob.primarycare.shared.DateInput.DateOfBirth.message}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks the three boxes together against today's UK date. */
		class Validator implements ConstraintValidator<DateOfBirth, Parts> {

			private int maxAgeYears;

			private boolean required;

			@Override
			public void initialize(DateOfBirth annotation) {
				this.maxAgeYears = annotation.maxAgeYears();
				this.required = annotation.required();
			}

			@Override
			public boolean isValid(@Nullable Parts parts, ConstraintValidatorContext context) {
				if (parts == null) {
					return true;
				}
				int given = given(parts.day()) + given(parts.month()) + given(parts.year());
				String problem;
				if (given == 0) {
					problem = required ? "Enter a date of birth" : null;
				}
				else if (given < 3) {
					problem = "Date of birth must include a day, month and year";
				}
				else {
					Optional<LocalDate> date = parts.date();
					if (date.isEmpty()) {
						problem = "Date of birth must be a real date, like 15 3 1984";
					}
					else if (!plausible(date.get(), LocalDate.now(UK_TIME), maxAgeYears)) {
						problem = String.format(Locale.UK, "Date of birth must be in the past %d years", maxAgeYears);
					}
					else {
						problem = null;
					}
				}
				if (problem == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(problem).addPropertyNode("day").addConstraintViolation();
				return false;
			}

			/** Today or earlier, and born no more than {@code maxAgeYears} years ago. */
			public static boolean plausible(LocalDate dateOfBirth, LocalDate today, int maxAgeYears) {
				return !dateOfBirth.isAfter(today) && dateOfBirth.isAfter(today.minusYears(maxAgeYears + 1L));
			}

			private static int given(@Nullable String box) {
				return box == null || box.isBlank() ? 0 : 1;
			}

		}

	}

	/**
	 * An optional date ahead typed in three boxes ({@link Parts}): three empty boxes pass; otherwise a real date from
	 * today to {@code maxYearsAhead} years from now. The message names the date by its {@code label}, on the
	 * {@code day} box.
	 */
	@Documented
	@Constraint(validatedBy = Upcoming.Validator.class)
	@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	public @interface Upcoming {

		String label();

		int maxYearsAhead() default 1;

		String message() default "{uk.nhs.bob.primarycare.shared.DateInput.Upcoming.message}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks the three boxes together against today's UK date. */
		class Validator implements ConstraintValidator<Upcoming, Parts> {

			private String label = "";

			private int maxYearsAhead;

			@Override
			public void initialize(Upcoming annotation) {
				this.label = annotation.label();
				this.maxYearsAhead = annotation.maxYearsAhead();
			}

			@Override
			public boolean isValid(@Nullable Parts parts, ConstraintValidatorContext context) {
				if (parts == null || (blank(parts.day()) && blank(parts.month()) && blank(parts.year()))) {
					return true;
				}
				LocalDate today = LocalDate.now(UK_TIME);
				Optional<LocalDate> date = parts.date();
				String problem;
				if (date.isEmpty()) {
					LocalDate example = today.plusDays(7);
					problem = label + " must be a real date, like " + example.getDayOfMonth() + " "
							+ example.getMonthValue() + " " + example.getYear();
				}
				else if (date.get().isBefore(today) || date.get().isAfter(today.plusYears(maxYearsAhead))) {
					problem = label + " must be between today and "
							+ (maxYearsAhead == 1 ? "a year" : maxYearsAhead + " years") + " from now";
				}
				else {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(problem).addPropertyNode("day").addConstraintViolation();
				return false;
			}

			private static boolean blank(@Nullable String box) {
				return box == null || box.isBlank();
			}

		}

	}

}

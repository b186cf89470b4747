package uk.nhs.bob.primarycare.population;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * A person search: an NHS number, or a family name and date of birth (NHS.UK date input: day, month, year),
 * optionally narrowed by postcode. Which fields are checked depends on which way the user searches, so one
 * class-level constraint ({@link Search}) checks the form.
 */
@PersonSearchForm.Search
record PersonSearchForm(@Nullable String nhsNumber, @Nullable String familyName, @Nullable String day,
		@Nullable String month, @Nullable String year, @Nullable String postcode) implements DateInput.Parts {

	/** Longest family name the search accepts. */
	static final int MAX_FAMILY_NAME = 60;

	boolean hasNhsNumber() {
		return !blank(nhsNumber);
	}

	/** The NHS number typed, once the form is valid and searches by one. */
	Optional<NhsNumber> validNhsNumber() {
		return hasNhsNumber() ? NhsNumber.parse(nhsNumber) : Optional.empty();
	}

	/** The postcode typed, if any, once the form is valid. */
	Optional<Postcode> validPostcode() {
		return blank(postcode) ? Optional.empty() : Postcode.parse(postcode);
	}

	static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * An NHS number (ten digits, spaces or hyphens allowed, with a valid check digit); or, when none is typed, a family
	 * name of at most 60 characters, a date of birth of today or earlier and, if given, a real postcode. Each problem
	 * is put on its own field with its own message.
	 */
	@Documented
	@Constraint(validatedBy = Search.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Search {

		String message() default "Enter an NHS number, or a family name and date of birth";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** One field's problem, put on that field. */
		record Problem(String field, String message) {
		}

		/** Checks the NHS number alone when one is typed; otherwise the name, date of birth and postcode. */
		class Validator implements ConstraintValidator<Search, PersonSearchForm> {

			@Override
			public boolean isValid(@Nullable PersonSearchForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				List<Problem> problems = form.hasNhsNumber() ? nhsNumberProblems(form) : nameAndDateProblems(form);
				if (problems.isEmpty()) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				problems.forEach(problem -> context.buildConstraintViolationWithTemplate(problem.message())
					.addPropertyNode(problem.field())
					.addConstraintViolation());
				return false;
			}

			private static List<Problem> nhsNumberProblems(PersonSearchForm form) {
				String digits = form.nhsNumber() == null ? "" : form.nhsNumber().replaceAll("[\\s-]", "");
				if (!digits.matches("\\d{10}")) {
					return List.of(new Problem("nhsNumber", "NHS number must be 10 digits, like 943 476 5919"));
				}
				if (!NhsNumber.isValid(digits)) {
					return List.of(new Problem("nhsNumber",
							"Enter a valid NHS number: this one is not a real NHS number (the check digit does not match)"));
				}
				return List.of();
			}

			private static List<Problem> nameAndDateProblems(PersonSearchForm form) {
				boolean anyDatePart = !blank(form.day()) || !blank(form.month()) || !blank(form.year());
				if (blank(form.familyName()) && !anyDatePart && blank(form.postcode())) {
					return List.of(new Problem("nhsNumber", "Enter an NHS number, or a family name and date of birth"));
				}
				List<Problem> problems = new ArrayList<>();
				if (blank(form.familyName())) {
					problems.add(new Problem("familyName", "Enter a family name"));
				}
				else if (form.familyName().trim().length() > MAX_FAMILY_NAME) {
					problems.add(new Problem("familyName", "Family name must be 60 characters or fewer"));
				}
				dateOfBirthProblem(form, anyDatePart).ifPresent(message -> problems.add(new Problem("day", message)));
				if (!blank(form.postcode()) && Postcode.parse(form.postcode()).isEmpty()) {
					problems.add(new Problem("postcode", "Enter a real postcode, like OX3 9DU"));
				}
				return problems;
			}

			private static Optional<String> dateOfBirthProblem(PersonSearchForm form, boolean anyDatePart) {
				if (!anyDatePart) {
					return Optional.of("Enter a date of birth");
				}
				if (blank(form.day()) || blank(form.month()) || blank(form.year())) {
					return Optional.of("Date of birth must include a day, month and year");
				}
				Optional<LocalDate> date = form.date();
				if (date.isEmpty()) {
					return Optional.of("Date of birth must be a real date, like 15 3 1984");
				}
				if (date.get().isAfter(LocalDate.now(DateInput.UK_TIME))) {
					return Optional.of("Date of birth must be today or in the past");
				}
				return Optional.empty();
			}

		}

	}

}

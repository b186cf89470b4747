package uk.nhs.bob.primarycare.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.DateInput;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.NhsNumberText;

/**
 * The filters of the audit log page, as typed. Everything is text so that nothing a user types can fail binding; the
 * constraints explain what is wrong: the NHS number field, and the two dates ({@link Dates}) each whole, real and in
 * order.
 */
@AuditFilterForm.Dates
record AuditFilterForm(@Nullable String username,
		@NhsNumberText(message = "Enter a valid NHS number, like 943 476 5919") @Nullable String nhsNumber,
		@Nullable String fromDay, @Nullable String fromMonth, @Nullable String fromYear, @Nullable String toDay,
		@Nullable String toMonth, @Nullable String toYear, @Nullable String page) {

	/** The entries a valid form asks for: dates are whole days in England, the "to" day included. */
	AuditQuery query(ZoneId zone) {
		Optional<LocalDate> from = DateInput.parse(fromDay, fromMonth, fromYear);
		Optional<LocalDate> to = DateInput.parse(toDay, toMonth, toYear);
		return new AuditQuery(blank(username) ? null : username.trim(),
				blank(nhsNumber) ? null : NhsNumber.parse(nhsNumber).orElseThrow(),
				from.map(date -> date.atStartOfDay(zone).toInstant()).orElse(null),
				to.map(date -> date.plusDays(1).atStartOfDay(zone).toInstant()).orElse(null));
	}

	static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/**
	 * Each date, when any of its three boxes is filled, has all three and is a real date; and the "to" date is not
	 * before the "from" date. Each problem goes on the date's day box, which the error summary links to.
	 */
	@Documented
	@Constraint(validatedBy = Dates.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Dates {

		String message() default "Date to must be the same as or after date from";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks the two dates and their order. */
		class Validator implements ConstraintValidator<Dates, AuditFilterForm> {

			@Override
			public boolean isValid(@Nullable AuditFilterForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				Map<String, String> problems = new LinkedHashMap<>();
				problem(form.fromDay(), form.fromMonth(), form.fromYear(), "Date from")
					.ifPresent(message -> problems.put("fromDay", message));
				problem(form.toDay(), form.toMonth(), form.toYear(), "Date to")
					.ifPresent(message -> problems.put("toDay", message));
				Optional<LocalDate> from = DateInput.parse(form.fromDay(), form.fromMonth(), form.fromYear());
				Optional<LocalDate> to = DateInput.parse(form.toDay(), form.toMonth(), form.toYear());
				if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
					problems.put("toDay", "Date to must be the same as or after date from");
				}
				if (problems.isEmpty()) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				problems.forEach((field, message) -> context.buildConstraintViolationWithTemplate(message)
					.addPropertyNode(field)
					.addConstraintViolation());
				return false;
			}

			/** What is wrong with a date typed in three boxes, if anything: three empty boxes are no date. */
			private static Optional<String> problem(@Nullable String day, @Nullable String month,
					@Nullable String year, String label) {
				if (blank(day) && blank(month) && blank(year)) {
					return Optional.empty();
				}
				if (blank(day) || blank(month) || blank(year)) {
					return Optional.of(label + " must include a day, month and year");
				}
				if (DateInput.parse(day, month, year).isEmpty()) {
					return Optional.of(label + " must be a real date, like 27 3 2026");
				}
				return Optional.empty();
			}

		}

	}

}

package uk.nhs.bob.primarycare.triage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A phone number a hub can call: valid for the UK in Google's libphonenumber metadata (national, like 0118 496 0123,
 * or international, like +44 7700 900123). Null is valid: say {@code @NotNull} where a number is required.
 */
@Documented
@Constraint(validatedBy = UkPhoneNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface UkPhoneNumber {

	/** Whether blank text passes (a form's optional number), as null does. */
	boolean blankAllowed() default false;

	String message() default "must be a UK phone number, like 0118 496 0123 or 01296 123456";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<UkPhoneNumber, String> {

		private boolean blankAllowed;

		@Override
		public void initialize(UkPhoneNumber annotation) {
			this.blankAllowed = annotation.blankAllowed();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (blankAllowed && value.isBlank()) || parse(value.trim()).isPresent();
		}

		/** The number in the UK's national format ('0118 496 0123'), or empty when it is not a valid UK number. */
		static Optional<String> parse(String text) {
			if (text.length() > 30) {
				return Optional.empty();
			}
			PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
			try {
				PhoneNumber number = phones.parse(text, "GB");
				if (!phones.isValidNumberForRegion(number, "GB")) {
					return Optional.empty();
				}
				return Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
			}
			catch (NumberParseException ex) {
				return Optional.empty();
			}
		}

	}

}

package uk.nhs.bob.primarycare.shared;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A valid NHS number: ten digits whose last is the Modulus 11 check digit of the first nine.
 * <p>
 * Check digit (NHS Data Dictionary, NHS Number): weights 10..2 on digits 1-9, r = 11 - (sum mod 11); r = 11 means
 * 0, r = 10 means the number is invalid. Shown as 3-3-4 ("943 476 5919"). The 999 range is reserved for test data.
 */
public record NhsNumber(String value) {

	public NhsNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not a valid NHS number: " + value);
		}
	}

	/** Parses user input, allowing spaces and hyphens between the digits; nothing typed is no number. */
	public static Optional<NhsNumber> parse(@Nullable String input) {
		String digits = digits(input);
		return isValid(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
	}

	/** Why text that {@link #parse} refuses is not an NHS number, so an API can say which part to fix. */
	public enum Fault {

		/** Not ten digits once the spaces and hyphens people type between the groups are taken out. */
		NOT_TEN_DIGITS,

		/** Ten digits whose last is not the check digit of the first nine. */
		CHECK_DIGIT

	}

	/** What is wrong with the text as an NHS number; empty when {@link #parse} accepts it. */
	public static Optional<Fault> fault(@Nullable String input) {
		String digits = digits(input);
		if (digits == null || !allDigits(digits, 10)) {
			return Optional.of(Fault.NOT_TEN_DIGITS);
		}
		return isValid(digits) ? Optional.empty() : Optional.of(Fault.CHECK_DIGIT);
	}

	/** The one normalisation of typed text: spaces and hyphens between the digits are dropped. */
	private static @Nullable String digits(@Nullable String input) {
		return input == null ? null : input.replaceAll("[\\s-]", "");
	}

	public static boolean isValid(@Nullable String digits) {
		if (digits == null || !allDigits(digits, 10)) {
			return false;
		}
		Integer check = checkDigit(digits.substring(0, 9));
		return check != null && check == digits.charAt(9) - '0';
	}

	/**
	 * The Modulus 11 check digit for nine digits, or {@code null} when none exists (remainder gives 10).
	 */
	public static Integer checkDigit(String nineDigits) {
		if (!allDigits(nineDigits, 9)) {
			throw new IllegalArgumentException("Need nine digits");
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (nineDigits.charAt(i) - '0') * (10 - i);
		}
		int r = 11 - (sum % 11);
		if (r == 11) {
			return 0;
		}
		return r == 10 ? null : r;
	}

	/** Exactly {@code length} ASCII digits: checked by hand, as every row read as an NHS number passes here. */
	private static boolean allDigits(String text, int length) {
		if (text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** Numbers starting 999 are reserved for testing and never issued to a person. */
	public boolean isTestNumber() {
		return value.startsWith("999");
	}

	/** The number as people read it: 3-3-4. */
	public String formatted() {
		return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
	}

	@Override
	public String toString() {
		return formatted();
	}

}

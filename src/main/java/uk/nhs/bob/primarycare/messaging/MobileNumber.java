package uk.nhs.bob.primarycare.messaging;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK mobile number, the only kind of number a text message can go to: 071 to 075 and 077 to 079, and 07624 (Isle
 * of Man), as Ofcom allocates them; 070 (personal numbers) and 076 (pagers) are not mobiles. Kept as eleven digits
 * starting 07, whatever the person typed (+44 7700 900123, 07700-900123).
 */
record MobileNumber(String value) {

	private static final Pattern MOBILE = Pattern.compile("^07(?:[1-57-9]\\d{8}|624\\d{6})$");

	MobileNumber {
		if (!MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a UK mobile number");
		}
	}

	static Optional<MobileNumber> parse(String typed) {
		String digits = typed.replaceAll("[\\s().-]", "");
		if (digits.startsWith("+44")) {
			digits = "0" + digits.substring(3);
		}
		else if (digits.startsWith("0044")) {
			digits = "0" + digits.substring(4);
		}
		else if (digits.startsWith("44") && digits.length() == 12) {
			digits = "0" + digits.substring(2);
		}
		if (digits.startsWith("0(0)")) {
			digits = "0" + digits.substring(4);
		}
		return MOBILE.matcher(digits).matches() ? Optional.of(new MobileNumber(digits)) : Optional.empty();
	}

	/** 07700 900123, as people write it. */
	public String formatted() {
		return value.substring(0, 5) + " " + value.substring(5);
	}

	@Override
	public String toString() {
		return formatted();
	}

}

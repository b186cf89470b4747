package uk.nhs.bob.primarycare.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * An Organisation Data Service code, the national identifier of an NHS organisation (practice, PCN, pharmacy...).
 * ODS codes are 3 to 10 upper-case letters and digits (for example a GP practice "K84001", a PCN "U12345").
 */
public record OdsCode(String value) {

	// Compiled once: the population refresh makes millions of these, and pages parse them on every view
	private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Z0-9]{3,10}");

	public OdsCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a valid ODS code: " + value);
		}
	}

	public static Optional<OdsCode> parse(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String normalised = input.trim().toUpperCase(Locale.UK);
		return SHAPE.matcher(normalised).matches() ? Optional.of(new OdsCode(normalised)) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}

}

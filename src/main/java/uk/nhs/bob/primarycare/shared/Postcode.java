package uk.nhs.bob.primarycare.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK postcode in its normal form: upper case, one space before the three-character inward code ("OX3 9DU").
 * Validation follows the shape of the format (outward code 2-4 characters, inward code digit + two letters), not
 * a lookup of live postcodes.
 */
public record Postcode(String value) {

	private static final Pattern SHAPE = Pattern.compile("^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][ABD-HJLNP-UW-Z]{2})$");

	public Postcode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a valid postcode: " + value);
		}
	}

	/** Accepts any case and spacing ("ox39du", "OX3  9DU"). */
	public static Optional<Postcode> parse(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String compact = input.replaceAll("\\s+", "").toUpperCase(Locale.UK);
		if (compact.length() < 5 || compact.length() > 7) {
			return Optional.empty();
		}
		String normal = compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
		return SHAPE.matcher(normal).matches() ? Optional.of(new Postcode(normal)) : Optional.empty();
	}

	/** The outward code ("OX3"), which locates the postcode district. */
	public String outward() {
		return value.substring(0, value.indexOf(' '));
	}

	/** The postcode area: the leading letters ("OX"). */
	public String area() {
		return outward().replaceAll("[0-9].*$", "");
	}

	@Override
	public String toString() {
		return value;
	}

}

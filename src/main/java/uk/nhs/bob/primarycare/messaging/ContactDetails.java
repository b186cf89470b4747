package uk.nhs.bob.primarycare.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * How a person may be reached and whether they want to be: mobile, email, postal address, the channel they prefer,
 * their consent to messages and an opt-out, which wins over consent until it is taken back.
 */
record ContactDetails(NhsNumber nhsNumber, @Nullable MobileNumber mobile, @Nullable String email,
		@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String addressLine3,
		@Nullable String town, @Nullable Postcode postcode, @Nullable Channel preferredChannel, Consent consent,
		@Nullable LocalDate consentRecordedOn, boolean optedOut, @Nullable LocalDate optedOutOn, long version,
		@Nullable String updatedBy, @Nullable Instant updatedAt) {

	/** Nothing recorded yet for this person. */
	static ContactDetails none(NhsNumber nhsNumber) {
		return new ContactDetails(nhsNumber, null, null, null, null, null, null, null, null, Consent.NOT_RECORDED,
				null, false, null, -1, null, null);
	}

	boolean recorded() {
		return version >= 0;
	}

	/** A postal address Notify can print: at least a first line, a town and a postcode. */
	boolean hasPostalAddress() {
		return addressLine1 != null && town != null && postcode != null;
	}

	/** The address lines as printed in a letter's address block, the postcode last. */
	public List<String> addressLines() {
		List<String> lines = new ArrayList<>();
		for (String line : new String[] { addressLine1, addressLine2, addressLine3, town }) {
			if (line != null && !line.isBlank()) {
				lines.add(line);
			}
		}
		if (postcode != null) {
			lines.add(postcode.value());
		}
		return lines;
	}

	boolean has(Channel channel) {
		return switch (channel) {
			case SMS -> mobile != null;
			case EMAIL -> email != null;
			case LETTER -> hasPostalAddress();
		};
	}

	String address(Channel channel) {
		return switch (channel) {
			case SMS -> Objects.requireNonNull(mobile).value();
			case EMAIL -> Objects.requireNonNull(email);
			case LETTER -> String.join(", ", addressLines());
		};
	}

	/** What changed from {@code before} to this, one phrase per field, for the change history. */
	List<String> changesFrom(ContactDetails before) {
		List<String> changes = new ArrayList<>();
		change(changes, "Mobile", before.mobile, mobile);
		change(changes, "Email", before.email, email);
		change(changes, "Address", String.join(", ", before.addressLines()), String.join(", ", addressLines()));
		change(changes, "Preferred channel", before.preferredChannel == null ? null : before.preferredChannel.label(),
				preferredChannel == null ? null : preferredChannel.label());
		change(changes, "Consent", before.consent.label(), consent.label());
		change(changes, "Opted out", before.optedOut ? "yes" : "no", optedOut ? "yes" : "no");
		return changes;
	}

	private static void change(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
		String a = before == null || before.toString().isBlank() ? "none" : before.toString();
		String b = after == null || after.toString().isBlank() ? "none" : after.toString();
		if (!a.equals(b)) {
			changes.add(field + ": " + a + " to " + b);
		}
	}

}

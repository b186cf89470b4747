package uk.nhs.bob.primarycare.messaging;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * A person's contact details and preferences as staff type them. Values stay as typed so a form with mistakes comes
 * back as entered; {@link #check} adds the rules between fields and turns it into {@link ContactDetails}.
 */
record ContactForm(
		@Size(max = 30, message = "The mobile number must be 30 characters or fewer") @Nullable String mobile,
		@Email(message = "Enter an email address in the correct format, like name@example.com") @Size(max = 254,
				message = "The email address must be 254 characters or fewer") @Nullable String email,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine1,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine2,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine3,
		@Size(max = 80, message = "The town or city must be 80 characters or fewer") @Nullable String town,
		@Size(max = 10, message = "Enter a real postcode, like HP20 1AA") @Nullable String postcode,
		@Pattern(regexp = "(SMS|EMAIL|LETTER)?", message = "Choose how they prefer to hear from us") @Nullable String preferredChannel,
		@NotBlank(message = "Say whether they agreed to receive messages") @Pattern(
				regexp = "(GIVEN|REFUSED|NOT_RECORDED)?",
				message = "Say whether they agreed to receive messages") @Nullable String consent,
		@Pattern(regexp = "(yes|no)?", message = "Say whether they opted out") @Nullable String optedOut,
		@Nullable String version) {

	static ContactForm of(ContactDetails details) {
		return new ContactForm(details.mobile() == null ? null : details.mobile().formatted(), details.email(),
				details.addressLine1(), details.addressLine2(), details.addressLine3(), details.town(),
				details.postcode() == null ? null : details.postcode().value(),
				details.preferredChannel() == null ? null : details.preferredChannel().name(),
				details.consent().name(), details.optedOut() ? "yes" : "no", Long.toString(details.version()));
	}

	long expectedVersion() {
		try {
			return version == null ? -1 : Long.parseLong(version.trim());
		}
		catch (NumberFormatException ex) {
			return Long.MIN_VALUE;
		}
	}

	ContactForm withVersion(long latest) {
		return new ContactForm(mobile, email, addressLine1, addressLine2, addressLine3, town, postcode,
				preferredChannel, consent, optedOut, Long.toString(latest));
	}

	/**
	 * The details these values describe, or empty with field errors: a mobile must be a UK mobile, an address needs
	 * its first line, town and postcode together, and the preferred channel needs its contact detail. Consent and
	 * opt-out dates are today's when they change, and kept otherwise.
	 */
	Optional<ContactDetails> check(Errors errors, ContactDetails before, LocalDate today) {
		MobileNumber mobileNumber = null;
		if (!blank(mobile)) {
			mobileNumber = MobileNumber.parse(mobile).orElse(null);
			if (mobileNumber == null && !errors.hasFieldErrors("mobile")) {
				errors.rejectValue("mobile", "mobile.invalid",
						"Enter a UK mobile number, like 07700 900123 (text messages cannot go to a landline)");
			}
		}
		Postcode code = null;
		if (!blank(postcode)) {
			code = Postcode.parse(postcode).orElse(null);
			if (code == null && !errors.hasFieldErrors("postcode")) {
				errors.rejectValue("postcode", "postcode.invalid", "Enter a real postcode, like HP20 1AA");
			}
		}
		boolean anyAddress = !blank(addressLine1) || !blank(addressLine2) || !blank(addressLine3) || !blank(town)
				|| !blank(postcode);
		if (anyAddress) {
			if (blank(addressLine1)) {
				errors.rejectValue("addressLine1", "address.line1", "Enter the first line of the address");
			}
			if (blank(town)) {
				errors.rejectValue("town", "address.town", "Enter the town or city");
			}
			if (blank(postcode)) {
				errors.rejectValue("postcode", "address.postcode", "Enter the postcode");
			}
		}
		Channel preferred = blank(preferredChannel) || errors.hasFieldErrors("preferredChannel") ? null
				: Channel.valueOf(preferredChannel);
		if (preferred == Channel.SMS && blank(mobile)) {
			errors.rejectValue("preferredChannel", "preferred.sms", "To prefer text messages, enter a mobile number");
		}
		if (preferred == Channel.EMAIL && blank(email)) {
			errors.rejectValue("preferredChannel", "preferred.email", "To prefer email, enter an email address");
		}
		if (preferred == Channel.LETTER && !anyAddress) {
			errors.rejectValue("preferredChannel", "preferred.letter", "To prefer letters, enter a postal address");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		Consent newConsent = Consent.valueOf(Objects.requireNonNull(consent));
		boolean out = "yes".equals(optedOut);
		return Optional.of(new ContactDetails(before.nhsNumber(), mobileNumber, blank(email) ? null : email.trim(),
				trim(addressLine1), trim(addressLine2), trim(addressLine3), trim(town), code, preferred, newConsent,
				newConsent == before.consent() ? before.consentRecordedOn()
						: newConsent == Consent.NOT_RECORDED ? null : today,
				out, out ? (before.optedOut() ? before.optedOutOn() : today) : null, before.version(),
				before.updatedBy(), before.updatedAt()));
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable String trim(@Nullable String value) {
		return blank(value) ? null : value.trim();
	}

}

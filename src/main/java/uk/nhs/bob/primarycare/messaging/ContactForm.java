package uk.nhs.bob.primarycare.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeText;

/**
 * A person's contact details and preferences as staff type them. Values stay as typed so a form with mistakes comes
 * back as entered; {@link Complete} checks the rules between fields, and {@link #details} turns a valid form into
 * {@link ContactDetails}.
 */
@ContactForm.Complete
record ContactForm(
		@Size(max = MAX_MOBILE, message = "The mobile number must be 30 characters or fewer") @MobileText @Nullable String mobile,
		@Email(message = "Enter an email address in the correct format, like name@example.com") @Size(max = 254,
				message = "The email address must be 254 characters or fewer") @Nullable String email,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine1,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine2,
		@Size(max = 80, message = "Each address line must be 80 characters or fewer") @Nullable String addressLine3,
		@Size(max = 80, message = "The town or city must be 80 characters or fewer") @Nullable String town,
		@PostcodeText(message = "Enter a real postcode, like HP20 1AA") @Nullable String postcode,
		@Pattern(regexp = "(SMS|EMAIL|LETTER)?", message = "Choose how they prefer to hear from us") @Nullable String preferredChannel,
		@NotBlank(message = "Say whether they agreed to receive messages") @Pattern(
				regexp = "(GIVEN|REFUSED|NOT_RECORDED)?",
				message = "Say whether they agreed to receive messages") @Nullable String consent,
		@Pattern(regexp = "(yes|no)?", message = "Say whether they opted out") @Nullable String optedOut,
		@Nullable String version) {

	/** Longest text the mobile number box takes. */
	static final int MAX_MOBILE = 30;

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
	 * The details these values describe, once the form is valid. Consent and opt-out dates are today's when they
	 * change, and kept otherwise.
	 */
	ContactDetails details(ContactDetails before, LocalDate today) {
		Consent newConsent = Consent.valueOf(Objects.requireNonNull(consent));
		boolean out = "yes".equals(optedOut);
		return new ContactDetails(before.nhsNumber(), blank(mobile) ? null : MobileNumber.parse(mobile).orElseThrow(),
				blank(email) ? null : email.trim(), trim(addressLine1), trim(addressLine2), trim(addressLine3),
				trim(town), blank(postcode) ? null : Postcode.parse(postcode).orElseThrow(), preferred().orElse(null),
				newConsent,
				newConsent == before.consent() ? before.consentRecordedOn()
						: newConsent == Consent.NOT_RECORDED ? null : today,
				out, out ? (before.optedOut() ? before.optedOutOn() : today) : null, before.version(),
				before.updatedBy(), before.updatedAt());
	}

	private boolean anyAddress() {
		return !blank(addressLine1) || !blank(addressLine2) || !blank(addressLine3) || !blank(town) || !blank(postcode);
	}

	/** The preferred channel chosen, if it is one of the channels. */
	private Optional<Channel> preferred() {
		return Arrays.stream(Channel.values()).filter(channel -> channel.name().equals(preferredChannel)).findFirst();
	}

	/** Text typed as a mobile number: blank passes, and text over 30 characters is left to {@code @Size}. */
	@Documented
	@Constraint(validatedBy = MobileText.Validator.class)
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface MobileText {

		String message() default "Enter a UK mobile number, like 07700 900123 (text messages cannot go to a landline)";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks the text with {@link MobileNumber#parse}. */
		class Validator implements ConstraintValidator<MobileText, String> {

			@Override
			public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
				return value == null || value.isBlank() || value.length() > MAX_MOBILE
						|| MobileNumber.parse(value).isPresent();
			}

		}

	}

	/**
	 * The rules between fields: an address needs its first line, town and postcode together, and the preferred channel
	 * needs its contact detail. Each problem goes on its own field.
	 */
	@Documented
	@Constraint(validatedBy = Complete.Validator.class)
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Complete {

		String message() default "Complete the contact details";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks the address and the preferred channel's contact detail. */
		class Validator implements ConstraintValidator<Complete, ContactForm> {

			@Override
			public boolean isValid(@Nullable ContactForm form, ConstraintValidatorContext context) {
				if (form == null) {
					return true;
				}
				Map<String, String> problems = new LinkedHashMap<>();
				if (form.anyAddress()) {
					if (blank(form.addressLine1())) {
						problems.put("addressLine1", "Enter the first line of the address");
					}
					if (blank(form.town())) {
						problems.put("town", "Enter the town or city");
					}
					if (blank(form.postcode())) {
						problems.put("postcode", "Enter the postcode");
					}
				}
				Channel preferred = form.preferred().orElse(null);
				if (preferred == Channel.SMS && blank(form.mobile())) {
					problems.put("preferredChannel", "To prefer text messages, enter a mobile number");
				}
				if (preferred == Channel.EMAIL && blank(form.email())) {
					problems.put("preferredChannel", "To prefer email, enter an email address");
				}
				if (preferred == Channel.LETTER && !form.anyAddress()) {
					problems.put("preferredChannel", "To prefer letters, enter a postal address");
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

		}

	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static @Nullable String trim(@Nullable String value) {
		return blank(value) ? null : value.trim();
	}

}

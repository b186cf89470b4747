package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.OdsCodeText;
import uk.nhs.bob.primarycare.shared.Postcode;
import uk.nhs.bob.primarycare.shared.PostcodeText;

/**
 * What an administrator types to add or edit a service. Every value is kept as typed (strings) so a form with
 * mistakes comes back exactly as entered; {@link #check} turns a valid one into {@link ServiceDetails}.
 * Opening hours are one row per weekday with up to {@value #PERIODS_PER_DAY} from/to periods; each weekday is its own
 * field (monday.from1) rather than a list entry, so a tampered index can never reach the binder.
 */
@ConsistentService
record ServiceForm(
		@NotBlank(message = "Enter the name of the service") @Size(max = 150,
				message = "The name must be 150 characters or fewer") @Nullable String name,
		@NotBlank(message = "Select the type of service") @Nullable String type,
		@OdsCodeText(message = "Enter an ODS code of 3 to 10 letters and numbers, like FA123, or leave it blank")
		@Nullable String odsCode,
		@NotBlank(message = "Select the Place the service is in")
		@InDirectory(value = Kind.PLACE, message = "Select the Place the service is in") @Nullable String placeCode,
		@Size(max = 100, message = "Address line 1 must be 100 characters or fewer") @Nullable String addressLine1,
		@Size(max = 100, message = "Address line 2 must be 100 characters or fewer") @Nullable String addressLine2,
		@Size(max = 60, message = "The town or city must be 60 characters or fewer") @Nullable String town,
		@NotBlank(message = "Enter a postcode") @PostcodeText @Nullable String postcode,
		@Size(max = 30, message = "The phone number must be 30 characters or fewer")
		@Pattern(regexp = "\\s*(\\+?[0-9][0-9 ()-]{5,28})?\\s*",
				message = "Enter a phone number, like 01865 123456") @Nullable String phone,
		@Size(max = 300, message = "The website address must be 300 characters or fewer") @WebAddress
		@Nullable String website,
		@Nullable Set<String> offers,
		@NotBlank(message = "Select whether the service accepts referrals now") @Pattern(regexp = "(yes|no)?",
				message = "Select whether the service accepts referrals now") @Nullable String acceptsReferrals,
		@NotBlank(message = "Select whether people can refer themselves") @Pattern(regexp = "(yes|no)?",
				message = "Select whether people can refer themselves") @Nullable String selfReferral,
		@Nullable DayHours monday, @Nullable DayHours tuesday, @Nullable DayHours wednesday,
		@Nullable DayHours thursday, @Nullable DayHours friday, @Nullable DayHours saturday,
		@Nullable DayHours sunday, @Nullable String version) {

	static final int PERIODS_PER_DAY = 3;

	ServiceForm {
		offers = offers == null ? new LinkedHashSet<>() : new LinkedHashSet<>(offers);
		// a weekday with nothing posted is a closed day
		monday = monday == null ? DayHours.closed() : monday;
		tuesday = tuesday == null ? DayHours.closed() : tuesday;
		wednesday = wednesday == null ? DayHours.closed() : wednesday;
		thursday = thursday == null ? DayHours.closed() : thursday;
		friday = friday == null ? DayHours.closed() : friday;
		saturday = saturday == null ? DayHours.closed() : saturday;
		sunday = sunday == null ? DayHours.closed() : sunday;
	}

	/**
	 * A form from its values with the weekdays as a list, Monday first (missing days are closed); the compact way to
	 * build one in code.
	 */
	static ServiceForm of(@Nullable String name, @Nullable String type, @Nullable String odsCode,
			@Nullable String placeCode, @Nullable Address address, @Nullable String postcode, @Nullable String phone,
			@Nullable String website, @Nullable Set<String> offers, @Nullable String acceptsReferrals,
			@Nullable String selfReferral, @Nullable List<DayHours> days, @Nullable String version) {
		DayHours[] rows = new DayHours[7];
		for (int i = 0; i < 7; i++) {
			rows[i] = days != null && i < days.size() ? days.get(i) : null;
		}
		Address street = address == null ? Address.NONE : address;
		return new ServiceForm(name, type, odsCode, placeCode, street.line1(), street.line2(), street.town(),
				postcode, phone, website, offers, acceptsReferrals, selfReferral, rows[0], rows[1], rows[2], rows[3],
				rows[4], rows[5], rows[6], version);
	}

	/** The street address lines as typed, together: {@link #of} takes them as one value. */
	record Address(@Nullable String line1, @Nullable String line2, @Nullable String town) {

		static final Address NONE = new Address(null, null, null);

	}

	/** The street address as typed. */
	Address address() {
		return new Address(addressLine1, addressLine2, town);
	}

	/** The field holding a weekday's hours ('monday'). */
	static String dayField(DayOfWeek day) {
		return day.name().toLowerCase(Locale.UK);
	}

	/** The seven weekdays' hours, Monday first. */
	List<DayHours> days() {
		return Arrays.asList(monday, tuesday, wednesday, thursday, friday, saturday, sunday);
	}

	/** One weekday's periods as typed; a period with both times blank is not there. */
	record DayHours(@Nullable String from1, @Nullable String to1, @Nullable String from2, @Nullable String to2,
			@Nullable String from3, @Nullable String to3) {

		static DayHours closed() {
			return new DayHours(null, null, null, null, null, null);
		}

		static DayHours of(List<OpeningPeriod> periods) {
			String[] times = new String[PERIODS_PER_DAY * 2];
			for (int i = 0; i < Math.min(periods.size(), PERIODS_PER_DAY); i++) {
				times[i * 2] = OpeningPeriod.format(periods.get(i).opens());
				times[i * 2 + 1] = OpeningPeriod.format(periods.get(i).closes());
			}
			return new DayHours(times[0], times[1], times[2], times[3], times[4], times[5]);
		}

		@Nullable
		String from(int period) {
			return switch (period) {
				case 1 -> from1;
				case 2 -> from2;
				default -> from3;
			};
		}

		@Nullable
		String to(int period) {
			return switch (period) {
				case 1 -> to1;
				case 2 -> to2;
				default -> to3;
			};
		}

	}

	static ServiceForm empty() {
		return of(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	static ServiceForm of(ServiceSummary service) {
		List<DayHours> rows = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			rows.add(DayHours.of(service.openingHours().on(day)));
		}
		Set<String> offers = new LinkedHashSet<>();
		service.offers().forEach(o -> offers.add(o.name()));
		return of(service.name(), service.type().name(),
				service.odsCode() == null ? null : service.odsCode().value(), service.placeCode(),
				service.address() == null ? null
						: new Address(service.address().line1(), service.address().line2(), service.address().town()),
				service.postcode().value(), service.phone(), service.website(), offers,
				service.acceptsReferrals() ? "yes" : "no", service.selfReferral() ? "yes" : "no", rows,
				Long.toString(service.version()));
	}

	/** The same input with another version: after a conflict, submitting again means 'save over their change'. */
	ServiceForm withVersion(long newVersion) {
		return of(name, type, odsCode, placeCode, address(), postcode, phone, website, offers, acceptsReferrals,
				selfReferral, days(), Long.toString(newVersion));
	}

	/** The version the user started editing from; -1 (never current) when it is missing or not a number. */
	long expectedVersion() {
		try {
			return version == null ? -1 : Long.parseLong(version.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** A field the form's own checks refuse, and why (the path of a weekday's time is "monday.from1"). */
	record Problem(String field, String message) {
	}

	/**
	 * The typed details, only when Bean Validation (the fields' constraints and {@link ConsistentService}) found the
	 * whole form valid.
	 */
	Optional<ServiceDetails> check(Errors errors) {
		ServiceType serviceType = notBlank(type) ? ServiceType.parse(type).orElse(null) : null;
		OdsCode ods = notBlank(odsCode) ? OdsCode.parse(odsCode).orElse(null) : null;
		Postcode code = notBlank(postcode) ? Postcode.parse(postcode).orElse(null) : null;
		OpeningHours hours = openingHours(new ArrayList<>());
		if (errors.hasErrors() || serviceType == null || code == null || hours == null || name == null
				|| placeCode == null) {
			return Optional.empty();
		}
		return Optional.of(new ServiceDetails(name.trim(), serviceType, ods, placeCode, street(), code,
				blankToNull(phone), blankToNull(website), chosenOffers(serviceType, new ArrayList<>()),
				"yes".equals(acceptsReferrals), "yes".equals(selfReferral), hours));
	}

	/**
	 * What the fields' own constraints cannot see: a type from the list, a whole street address, offers that fit the
	 * type, and opening hours that are real times, forwards and not overlapping. Blank required fields are left to
	 * their constraints.
	 */
	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		ServiceType serviceType = null;
		if (notBlank(type)) {
			serviceType = ServiceType.parse(type).orElse(null);
			if (serviceType == null) {
				problems.add(new Problem("type", "Select the type of service"));
			}
		}
		addressProblems(problems);
		chosenOffers(serviceType, problems);
		openingHours(problems);
		return problems;
	}

	/**
	 * A first line needs its town and the other way round; a second line needs a first: a message never gives half an
	 * address. No address at all is fine (the postcode alone then says where the service is).
	 */
	private void addressProblems(List<Problem> problems) {
		if (!notBlank(addressLine1) && !notBlank(addressLine2) && !notBlank(town)) {
			return;
		}
		if (!notBlank(addressLine1)) {
			problems.add(new Problem("addressLine1",
					"Enter address line 1, typically the building and street, or leave the whole address blank"));
		}
		if (!notBlank(town)) {
			problems.add(new Problem("town", "Enter the town or city, or leave the whole address blank"));
		}
	}

	/** The street address, or null when none is given (only read once the form is valid). */
	@Nullable
	private StreetAddress street() {
		if (addressLine1 == null || town == null || addressLine1.isBlank() || town.isBlank()) {
			return null;
		}
		return new StreetAddress(addressLine1, addressLine2, town);
	}

	private Set<ServiceOffer> chosenOffers(@Nullable ServiceType serviceType, List<Problem> problems) {
		Set<ServiceOffer> chosen = EnumSet.noneOf(ServiceOffer.class);
		for (String value : offers()) {
			Optional<ServiceOffer> offer = ServiceOffer.parse(value);
			if (offer.isEmpty()) {
				problems.add(new Problem("offers", "Select only offers from the list"));
			}
			else if (serviceType != null && !offer.get().appliesTo(serviceType)) {
				problems.add(new Problem("offers", offer.get().label() + " is not offered by a service of type "
						+ serviceType.label() + ": untick it or change the type"));
			}
			else {
				chosen.add(offer.get());
			}
		}
		return chosen;
	}

	/** The opening hours, or null (with the problems added) when any time is missing, not real, backwards or overlapping. */
	@Nullable
	OpeningHours openingHours(List<Problem> problems) {
		List<OpeningPeriod> periods = new ArrayList<>();
		int before = problems.size();
		List<DayHours> rows = days();
		for (DayOfWeek day : DayOfWeek.values()) {
			periods.addAll(openingPeriods(day, rows.get(day.ordinal()), problems));
		}
		return problems.size() == before ? new OpeningHours(periods) : null;
	}

	/** One weekday's periods that are whole, forwards and apart, adding a problem for each that is not. */
	private static List<OpeningPeriod> openingPeriods(DayOfWeek day, DayHours row, List<Problem> problems) {
		String dayName = day.getDisplayName(TextStyle.FULL, Locale.UK);
		List<OpeningPeriod> today = new ArrayList<>();
		for (int period = 1; period <= PERIODS_PER_DAY; period++) {
			String from = row.from(period);
			String to = row.to(period);
			if (!notBlank(from) && !notBlank(to)) {
				continue;
			}
			String field = dayField(day);
			String which = dayName + " period " + period;
			LocalTime opens = time(problems, field + ".from" + period, from, which, "opening");
			LocalTime closes = time(problems, field + ".to" + period, to, which, "closing");
			if (opens == null || closes == null) {
				continue;
			}
			if (!closes.isAfter(opens) || opens.equals(OpeningPeriod.MIDNIGHT)) {
				problems.add(new Problem(field + ".to" + period,
						which + ": the closing time must be after the opening time"));
				continue;
			}
			OpeningPeriod candidate = new OpeningPeriod(day, opens, closes);
			Optional<OpeningPeriod> clash = today.stream().filter(candidate::overlaps).findFirst();
			if (clash.isPresent()) {
				problems.add(new Problem(field + ".from" + period,
						which + " overlaps " + clash.get().text() + ": periods on one day must not overlap"));
				continue;
			}
			today.add(candidate);
		}
		return today;
	}

	@Nullable
	private static LocalTime time(List<Problem> problems, String field, @Nullable String value, String which,
			String kind) {
		if (!notBlank(value)) {
			problems.add(new Problem(field, which + ": enter the " + kind + " time"));
			return null;
		}
		Optional<LocalTime> time = OpeningPeriod.parseTime(value);
		if (time.isEmpty()) {
			problems.add(new Problem(field,
					which + ": enter the " + kind + " time as hours and minutes on the 24-hour clock, like 08:30"));
			return null;
		}
		return time.get();
	}

	private static boolean notBlank(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	@Nullable
	private static String blankToNull(@Nullable String value) {
		return notBlank(value) ? value.trim() : null;
	}

	@Override
	public Set<String> offers() {
		return offers == null ? Set.of() : offers;
	}

}

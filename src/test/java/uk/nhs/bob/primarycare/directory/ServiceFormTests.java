package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import uk.nhs.bob.primarycare.directory.DirectoryCodes.Kind;
import uk.nhs.bob.primarycare.directory.ServiceForm.DayHours;

import static org.assertj.core.api.Assertions.assertThat;

/** The service form's checks, as the admin pages run them: Bean Validation first, then {@link ServiceForm#check}. */
class ServiceFormTests {

	private static final Set<String> PLACES = Set.of("14Y", "10Q", "15A");

	private static jakarta.validation.ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void startValidator() {
		factory = DirectoryFormValidation.factory(Map.of(Kind.PLACE, PLACES));
		validator = factory.getValidator();
	}

	@AfterAll
	static void closeValidator() {
		factory.close();
	}

	@Test
	void aCompleteFormGivesTypedDetails() {
		Checked checked = run(valid());

		assertThat(checked.errors().getAllErrors()).isEmpty();
		assertThat(checked.details()).hasValueSatisfying(d -> {
			assertThat(d.name()).isEqualTo("Cowley Test Pharmacy");
			assertThat(d.type()).isEqualTo(ServiceType.COMMUNITY_PHARMACY);
			assertThat(d.odsCode()).hasToString("FZ999");
			assertThat(d.address()).isEqualTo(new StreetAddress("112 Cowley Road", null, "Oxford"));
			assertThat(d.postcode().value()).isEqualTo("OX4 1HU");
			assertThat(d.offers()).containsExactlyInAnyOrder(ServiceOffer.PHARMACY_FIRST,
					ServiceOffer.BLOOD_PRESSURE_CHECK);
			assertThat(d.acceptsReferrals()).isTrue();
			assertThat(d.selfReferral()).isFalse();
			assertThat(d.openingHours().describe(DayOfWeek.MONDAY)).isEqualTo("08:00 to 13:00, 14:00 to 18:30");
			assertThat(d.openingHours().describe(DayOfWeek.SUNDAY)).isEqualTo("Closed");
		});
	}

	@Test
	void blankRequiredFieldsAreReportedInPlainEnglish() {
		Checked checked = run(ServiceForm.empty());

		assertThat(checked.details()).isEmpty();
		assertThat(messages(checked)).contains("name: Enter the name of the service", "type: Select the type of service",
				"placeCode: Select the Place the service is in", "postcode: Enter a postcode",
				"acceptsReferrals: Select whether the service accepts referrals now",
				"selfReferral: Select whether people can refer themselves");
	}

	@Test
	void valuesThatAreNotRealAreFieldErrors() {
		ServiceForm form = ServiceForm.of("X", "SPACESHIP", "FZ 99", "99Z", null, "OX99 XYZ", "call us", "ftp://x.example",
				Set.of("PHARMACY_FIRST"), "maybe", "no", valid().days(), "0");
		Checked checked = run(form);

		assertThat(checked.details()).isEmpty();
		assertThat(checked.errors().getFieldErrors()).extracting(FieldError::getField)
			.contains("type", "odsCode", "placeCode", "postcode", "phone", "website", "acceptsReferrals");
	}

	@Test
	void theStreetAddressIsOptionalButNeverHalfGiven() {
		assertThat(run(withAddress(valid(), ServiceForm.Address.NONE)).details())
			.hasValueSatisfying(d -> assertThat(d.address()).isNull());
		assertThat(run(withAddress(valid(), new ServiceForm.Address(" ", "", null))).details())
			.hasValueSatisfying(d -> assertThat(d.address()).isNull());
		assertThat(run(withAddress(valid(), new ServiceForm.Address("Leys Community Centre", "Dunnock Way", "Oxford")))
			.details()).hasValueSatisfying(d -> assertThat(d.address().lines())
				.containsExactly("Leys Community Centre", "Dunnock Way", "Oxford"));

		Checked noTown = run(withAddress(valid(), new ServiceForm.Address("112 Cowley Road", null, "")));
		assertThat(noTown.details()).isEmpty();
		assertThat(messages(noTown)).containsExactly("town: Enter the town or city, or leave the whole address blank");

		Checked secondLineOnly = run(withAddress(valid(), new ServiceForm.Address(null, "Manzil Way", "Oxford")));
		assertThat(secondLineOnly.details()).isEmpty();
		assertThat(messages(secondLineOnly)).containsExactly(
				"addressLine1: Enter address line 1, typically the building and street, or leave the whole address blank");

		Checked tooLong = run(withAddress(valid(), new ServiceForm.Address("x".repeat(101), null, "y".repeat(61))));
		assertThat(tooLong.details()).isEmpty();
		assertThat(messages(tooLong)).containsExactlyInAnyOrder(
				"addressLine1: Address line 1 must be 100 characters or fewer",
				"town: The town or city must be 60 characters or fewer");
	}

	@Test
	void offersMustFitTheTypeOfService() {
		ServiceForm form = copy(valid(), "DENTAL_PRACTICE", Set.of("PHARMACY_FIRST", "URGENT_DENTAL_CARE"));
		Checked checked = run(form);

		assertThat(checked.details()).isEmpty();
		assertThat(messages(checked)).containsExactly(
				"offers: Pharmacy First is not offered by a service of type Dental practice: untick it or change the type");
	}

	@Test
	void openingHoursMustBeRealNonOverlappingAndForwards() {
		List<DayHours> days = new ArrayList<>(valid().days());
		days.set(0, new DayHours("08:00", "13:00", "12:30", "18:00", null, null)); // overlap
		days.set(1, new DayHours("18:00", "09:00", null, null, null, null)); // backwards
		days.set(2, new DayHours("25:00", "12:00", null, null, null, null)); // not a time
		days.set(3, new DayHours("09:00", "", null, null, null, null)); // missing closing time
		days.set(4, new DayHours(null, null, null, null, "09:00", "24:00")); // third period only: fine
		Checked checked = run(withDays(valid(), days));

		assertThat(checked.details()).isEmpty();
		assertThat(messages(checked)).containsExactlyInAnyOrder(
				"monday.from2: Monday period 2 overlaps 08:00 to 13:00: periods on one day must not overlap",
				"tuesday.to1: Tuesday period 1: the closing time must be after the opening time",
				"wednesday.from1: Wednesday period 1: enter the opening time as hours and minutes on the 24-hour clock, like 08:30",
				"thursday.to1: Thursday period 1: enter the closing time");
	}

	@Test
	void missingDaysAreClosedDays() {
		ServiceForm noRows = withDays(valid(), null);
		assertThat(noRows.days()).hasSize(7).allMatch(d -> d.equals(DayHours.closed()));
		assertThat(run(noRows).details()).hasValueSatisfying(d -> assertThat(d.openingHours().isEmpty()).isTrue());
	}

	@Test
	void anEditFormShowsTheServiceAsSaved() {
		ServiceDetails details = run(valid()).details().orElseThrow();
		ServiceSummary saved = new ServiceSummary(7, details.name(), details.type(), details.odsCode(), "10Q",
				"Oxfordshire", new StreetAddress("East Oxford Health Centre", "Manzil Way", "Oxford"),
				details.postcode(), null, null, details.offers(), true, false, details.openingHours(), 3);

		ServiceForm form = ServiceForm.of(saved);

		assertThat(form.addressLine1()).isEqualTo("East Oxford Health Centre");
		assertThat(form.addressLine2()).isEqualTo("Manzil Way");
		assertThat(form.town()).isEqualTo("Oxford");
		assertThat(form.withVersion(4).address()).isEqualTo(form.address());

		assertThat(form.days().get(0)).isEqualTo(new DayHours("08:00", "13:00", "14:00", "18:30", null, null));
		assertThat(form.expectedVersion()).isEqualTo(3);
		assertThat(form.withVersion(4).expectedVersion()).isEqualTo(4);
		assertThat(withVersion(form, "not a number").expectedVersion()).isEqualTo(-1);
	}

	private record Checked(Optional<ServiceDetails> details, BindingResult errors) {
	}

	private static Checked run(ServiceForm form) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		new SpringValidatorAdapter(validator).validate(form, errors);
		return new Checked(form.check(errors), errors);
	}

	private static List<String> messages(Checked checked) {
		return checked.errors()
			.getFieldErrors().stream().map(e -> e.getField() + ": " + e.getDefaultMessage()).toList();
	}

	static ServiceForm valid() {
		List<DayHours> days = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			days.add(new DayHours("08:00", "13:00", "14:00", "18:30", null, null));
		}
		days.add(new DayHours("9:00", "12.00", null, null, null, null));
		days.add(DayHours.closed());
		return ServiceForm.of(" Cowley Test Pharmacy ", "COMMUNITY_PHARMACY", "fz999", "10Q",
				new ServiceForm.Address(" 112 Cowley Road ", " ", "Oxford"), "ox41hu",
				"01632 960999", "https://www.cowley-test.example", Set.of("PHARMACY_FIRST", "BLOOD_PRESSURE_CHECK"),
				"yes", "no", days, "0");
	}

	private static ServiceForm copy(ServiceForm f, String type, Set<String> offers) {
		return ServiceForm.of(f.name(), type, f.odsCode(), f.placeCode(), f.address(), f.postcode(), f.phone(),
				f.website(), offers, f.acceptsReferrals(), f.selfReferral(), f.days(), f.version());
	}

	private static ServiceForm withDays(ServiceForm f, List<DayHours> days) {
		return ServiceForm.of(f.name(), f.type(), f.odsCode(), f.placeCode(), f.address(), f.postcode(), f.phone(),
				f.website(), f.offers(), f.acceptsReferrals(), f.selfReferral(), days, f.version());
	}

	private static ServiceForm withVersion(ServiceForm f, String version) {
		return ServiceForm.of(f.name(), f.type(), f.odsCode(), f.placeCode(), f.address(), f.postcode(), f.phone(),
				f.website(), f.offers(), f.acceptsReferrals(), f.selfReferral(), f.days(), version);
	}

	private static ServiceForm withAddress(ServiceForm f, ServiceForm.Address address) {
		return ServiceForm.of(f.name(), f.type(), f.odsCode(), f.placeCode(), address, f.postcode(), f.phone(),
				f.website(), f.offers(), f.acceptsReferrals(), f.selfReferral(), f.days(), f.version());
	}

}

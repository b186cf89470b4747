package uk.nhs.bob.primarycare.directory;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.admin;
import static uk.nhs.bob.primarycare.directory.DirectoryPagesTests.coordinator;

/** ICB administrators add and edit services through validated forms; nobody else can. */
@DirectoryModuleTest
class ServiceAdminTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ServiceDirectory serviceDirectory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void otherRolesAreRefused() {
		assertThat(mvc.get().uri("/admin/directory/services/new").with(coordinator())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/admin/directory/services")
			.with(coordinator())
			.with(csrf())
			.params(form("Sneaky Pharmacy", null))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/directory/practices/new").with(user("delivery", "PLACE_DELIVERY")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(count("Sneaky Pharmacy")).isZero();
	}

	@Test
	void anAdministratorAddsAServiceThatIsThenListed() {
		assertThat(mvc.get().uri("/admin/directory/services/new").with(admin())).hasStatusOk()
			.bodyText()
			.contains("Add a service", "Opening hours", "Pharmacy First");
		String name = "Added Test Pharmacy " + System.nanoTime();

		MvcTestResult added = mvc.post().uri("/admin/directory/services").with(admin()).with(csrf())
			.params(form(name, null))
			.exchange();

		assertThat(added).hasStatus3xxRedirection();
		assertThat(added.getResponse().getRedirectedUrl()).startsWith("/directory/services/");
		ServiceSummary saved = only(name);
		assertThat(saved.openingHours().describe(DayOfWeek.MONDAY))
			.isEqualTo("08:00 to 13:00, 14:00 to 18:30");
		assertThat(saved.offers()).containsExactlyInAnyOrder(ServiceOffer.PHARMACY_FIRST,
				ServiceOffer.BLOOD_PRESSURE_CHECK);
		assertThat(saved.addressText()).isEqualTo("112 Cowley Road, Oxford, OX4 1HU");
		assertThat(mvc.get().uri("/directory/services?q={q}", name).with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(name);
		assertThat(mvc.get().uri("/directory/services/{id}", saved.id()).with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("112 Cowley Road<br>Oxford");
	}

	@Test
	void anAdministratorEditsAService() {
		String name = "Edited Test Pharmacy " + System.nanoTime();
		mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(form(name, null)).exchange();
		ServiceSummary saved = only(name);
		assertThat(mvc.get().uri("/admin/directory/services/{id}/edit", saved.id()).with(admin())).hasStatusOk()
			.bodyText()
			.contains(name, "value=\"14:00\"", "value=\"18:30\"");

		MultiValueMap<String, String> changed = form(name + " renamed", "0");
		changed.set("acceptsReferrals", "no");
		changed.set("addressLine1", "East Oxford Health Centre");
		changed.set("addressLine2", "Manzil Way");
		changed.set("sunday.from1", "10:00");
		changed.set("sunday.to1", "16:00");
		assertThat(mvc.post().uri("/admin/directory/services/{id}", saved.id()).with(admin()).with(csrf())
			.params(changed)).hasStatus3xxRedirection().hasRedirectedUrl("/directory/services/" + saved.id());

		ServiceSummary edited = serviceDirectory.service(saved.id()).orElseThrow();
		assertThat(edited.name()).isEqualTo(name + " renamed");
		assertThat(edited.acceptsReferrals()).isFalse();
		assertThat(edited.address()).isEqualTo(new StreetAddress("East Oxford Health Centre", "Manzil Way", "Oxford"));
		assertThat(edited.openingHours().describe(DayOfWeek.SUNDAY)).isEqualTo("10:00 to 16:00");
		assertThat(edited.version()).isEqualTo(1);

		// the address taken off again: the service is known by its postcode alone
		MultiValueMap<String, String> cleared = form(name + " renamed", "1");
		cleared.set("addressLine1", "");
		cleared.set("town", " ");
		assertThat(mvc.post().uri("/admin/directory/services/{id}", saved.id()).with(admin()).with(csrf())
			.params(cleared)).hasStatus3xxRedirection();
		assertThat(serviceDirectory.service(saved.id()).orElseThrow().address()).isNull();
		assertThat(mvc.get().uri("/directory/services/{id}", saved.id()).with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Not recorded: messages to patients give the postcode alone");
	}

	@Test
	void halfAnAddressShowsTheErrorSummaryKeepsTheInputAndSavesNothing() {
		MultiValueMap<String, String> half = form("Half Address Test Pharmacy", null);
		half.set("addressLine1", "");
		half.set("addressLine2", "Manzil Way");
		half.set("town", "O".repeat(61));

		assertThat(mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(half))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem",
					"Enter address line 1, typically the building and street, or leave the whole address blank",
					"The town or city must be 60 characters or fewer", "href=\"#addressLine1\"", "href=\"#town\"",
					"value=\"Manzil Way\"", "value=\"" + "O".repeat(61) + "\"");
		assertThat(count("Half Address Test Pharmacy")).isZero();
	}

	@Test
	void anInvalidFormShowsTheErrorSummaryKeepsTheInputAndSavesNothing() {
		long before = jdbc.sql("SELECT count(*) FROM directory.service").query(Long.class).single();
		MultiValueMap<String, String> bad = form("Invalid Test Pharmacy", null);
		bad.set("postcode", "NOT A POSTCODE");
		bad.set("monday.to1", "07:00");
		bad.set("tuesday.from2", "12:00");
		bad.add("offers", "MINOR_EYE_CONDITIONS");

		assertThat(mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(bad))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Enter a real postcode, like OX3 9DU",
					"Monday period 1: the closing time must be after the opening time",
					"Tuesday period 2 overlaps 08:00 to 13:00",
					"Minor Eye Conditions Service (MECS) is not offered by a service of type Community pharmacy",
					"value=\"NOT A POSTCODE\"", "value=\"Invalid Test Pharmacy\"", "href=\"#postcode\"");
		assertThat(jdbc.sql("SELECT count(*) FROM directory.service").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aStaleEditIsRefusedWithAConflictMessageAndKeepsTheInput() {
		String name = "Stale Test Pharmacy " + System.nanoTime();
		mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(form(name, null)).exchange();
		long id = only(name).id();
		// someone else saves first: version 0 becomes 1
		assertThat(mvc.post().uri("/admin/directory/services/{id}", id).with(admin()).with(csrf())
			.params(form(name + " by someone else", "0"))).hasStatus3xxRedirection();

		assertThat(mvc.post().uri("/admin/directory/services/{id}", id).with(admin()).with(csrf())
			.params(form(name + " my late change", "0"))).hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("Someone else saved changes to this service", "value=\"" + name + " my late change\"",
					"name=\"version\" value=\"1\"");
		assertThat(serviceDirectory.service(id).orElseThrow().name()).isEqualTo(name + " by someone else");
	}

	@Test
	void aDuplicateOdsCodeIsAFieldError() {
		MultiValueMap<String, String> duplicate = form("Duplicate Ods Pharmacy", null);
		duplicate.set("odsCode", "fz901");

		assertThat(mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(duplicate))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Another service already has the ODS code FZ901");
		assertThat(count("Duplicate Ods Pharmacy")).isZero();
	}

	@Test
	void editingAServiceThatDoesNotExistIsNotFound() {
		assertThat(mvc.get().uri("/admin/directory/services/987654321/edit").with(admin()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/admin/directory/services/abc").with(admin()).with(csrf()).params(form("X", "0")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void tamperedFieldsNeverCauseAServerError() {
		MultiValueMap<String, String> tampered = form("Tampered Test Pharmacy", null);
		tampered.add("offers", "FREE_MONEY");
		tampered.add("days[1000].from1", "09:00");
		tampered.add("monday[3].from1", "09:00");
		tampered.add("name[0]", "x");
		tampered.add("offers[300]", "PHARMACY_FIRST");
		tampered.add("monday.from1.bytes", "x");
		tampered.set("acceptsReferrals", "perhaps");

		assertThat(mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(tampered))
			.hasStatusOk()
			.bodyText()
			.contains("There is a problem", "Select only offers from the list",
					"Select whether the service accepts referrals now");
		assertThat(count("Tampered Test Pharmacy")).isZero();

		String name = "Versionless Test Pharmacy " + System.nanoTime();
		mvc.post().uri("/admin/directory/services").with(admin()).with(csrf()).params(form(name, null)).exchange();
		assertThat(mvc.post().uri("/admin/directory/services/{id}", only(name).id()).with(admin()).with(csrf())
			.params(form(name + " changed", "abc"))).hasStatus(HttpStatus.CONFLICT);
		assertThat(only(name).version()).isZero();
	}

	/** A complete, valid form as the page posts it. */
	static MultiValueMap<String, String> form(String name, String version) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", name);
		form.add("type", "COMMUNITY_PHARMACY");
		form.add("odsCode", "");
		form.add("placeCode", "10Q");
		form.add("addressLine1", "112 Cowley Road");
		form.add("addressLine2", "");
		form.add("town", "Oxford");
		form.add("postcode", "ox4 1hu");
		form.add("phone", "01632 960999");
		form.add("website", "");
		form.add("offers", "PHARMACY_FIRST");
		form.add("offers", "BLOOD_PRESSURE_CHECK");
		form.add("_offers", "on");
		form.add("acceptsReferrals", "yes");
		form.add("selfReferral", "yes");
		for (DayOfWeek day : DayOfWeek.values()) {
			boolean weekday = day.getValue() <= 5;
			String field = ServiceForm.dayField(day);
			for (int period = 1; period <= 3; period++) {
				form.add(field + ".from" + period, weekday && period == 1 ? "08:00"
						: weekday && period == 2 ? "14:00" : "");
				form.add(field + ".to" + period, weekday && period == 1 ? "13:00"
						: weekday && period == 2 ? "18:30" : "");
			}
		}
		if (version != null) {
			form.add("version", version);
		}
		return form;
	}

	private ServiceSummary only(String name) {
		return serviceDirectory.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private long count(String name) {
		return serviceDirectory.services().stream().filter(s -> s.name().equals(name)).count();
	}

	private static RequestPostProcessor user(String name, String role) {
		return SecurityMockMvcRequestPostProcessors.user(name).roles(role);
	}

}

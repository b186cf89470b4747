package uk.nhs.bob.primarycare.directory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The directory pages render for any signed-in user, search and filter, and shrug off bad filter values. */
@IntegrationTest
class DirectoryPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ServiceDirectory serviceDirectory;

	@Test
	void overviewShowsEachPlaceWithItsSitesAndPcns() {
		assertThat(mvc.get().uri("/directory").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Buckinghamshire", "Oxfordshire", "Berkshire West", "Aylesbury neighbourhood",
					"Oxford Leys and Rose Hill PCN", "GP practices");
	}

	@Test
	void practicesCanBeSearchedByNameOdsCodeOrPostcodeAndFilteredByPlace() {
		assertThat(mvc.get().uri("/directory/practices?q=jericho").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Jericho Health Centre")
			.doesNotContain("Meadowcroft Surgery");
		assertThat(mvc.get().uri("/directory/practices?q=k82901").with(coordinator())).bodyText()
			.contains("Meadowcroft Surgery")
			.doesNotContain("Jericho Health Centre");
		assertThat(mvc.get().uri("/directory/practices?q=RG14").with(coordinator())).bodyText()
			.contains("Strawberry Hill Practice")
			.doesNotContain("Tilehurst Surgery");
		assertThat(mvc.get().uri("/directory/practices?place=15A").with(coordinator())).bodyText()
			.contains("Tilehurst Surgery")
			.doesNotContain("Jericho Health Centre");
	}

	@Test
	void servicesCanBeFilteredByTypePlaceAndOffer() {
		assertThat(mvc.get()
			.uri("/directory/services?type=COMMUNITY_PHARMACY&place=10Q&offer=PHARMACY_FIRST")
			.with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Cowley Road Pharmacy", "Accepting referrals")
			.doesNotContain("Abbey Meadow Pharmacy", "Headington Eye Centre", "Kingsbury Square Pharmacy");
		assertThat(mvc.get().uri("/directory/services?q=ox16").with(coordinator())).bodyText()
			.contains("Banbury Cross Pharmacy", "Banbury Optometrists")
			.doesNotContain("Cowley Road Pharmacy");
		assertThat(mvc.get().uri("/directory/services?q=talking&open=yes").with(coordinator())).hasStatusOk();
	}

	@Test
	void badFilterValuesAreIgnoredWithAMessage() {
		assertThat(mvc.get()
			.uri("/directory/services?type=SPACESHIP&place=XX1&offer=<b>x</b>&open=maybe")
			.with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Some filters were not used", "We did not recognise the type of service", "Cowley Road Pharmacy")
			.doesNotContain("<b>x</b>");
		assertThat(mvc.get().uri("/directory/practices?place=nowhere").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("We did not recognise the Place");
	}

	@Test
	void serviceDetailShowsTheWholeWeek() {
		ServiceSummary pharmacy = serviceDirectory.services(ServiceType.COMMUNITY_PHARMACY, "14Y")
			.stream()
			.filter(s -> s.name().equals("Kingsbury Square Pharmacy"))
			.findFirst()
			.orElseThrow();

		assertThat(mvc.get().uri("/directory/services/{id}", pharmacy.id()).with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Kingsbury Square Pharmacy", "Pharmacy First", "Monday", "09:00 to 13:00, 14:00 to 18:00",
					"Sunday", "Closed", "FZ901")
			.doesNotContain("Edit<");
	}

	@Test
	void unknownServicesAreNotFound() {
		assertThat(mvc.get().uri("/directory/services/not-a-number").with(coordinator()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/directory/services/987654321").with(coordinator())).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyAdministratorsSeeAddAndEditLinks() {
		assertThat(mvc.get().uri("/directory/services").with(coordinator())).bodyText()
			.doesNotContain("/admin/directory/services/new");
		assertThat(mvc.get().uri("/directory/practices").with(coordinator())).bodyText()
			.doesNotContain("/admin/directory/practices");
		assertThat(mvc.get().uri("/directory/services").with(admin())).bodyText()
			.contains("/admin/directory/services/new");
		assertThat(mvc.get().uri("/directory/practices").with(admin())).bodyText()
			.contains("/admin/directory/practices/new", "/admin/directory/practices/K82901/edit");
	}

	@Test
	void signInIsNeeded() {
		assertThat(mvc.get().uri("/directory/services")).hasStatus3xxRedirection();
	}

	static RequestPostProcessor coordinator() {
		return user("coordinator").roles("CARE_COORDINATOR");
	}

	static RequestPostProcessor admin() {
		return user("admin").roles("ICB_ADMIN");
	}

}

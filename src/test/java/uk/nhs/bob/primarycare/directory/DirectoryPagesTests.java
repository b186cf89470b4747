package uk.nhs.bob.primarycare.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.bob.primarycare.directory.DirectoryController.PAGE_SIZE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The directory pages render for any signed-in user, search and filter, and shrug off bad filter values. */
@DirectoryModuleTest
class DirectoryPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ServiceDirectory serviceDirectory;

	@Autowired
	Directory directory;

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
		int total = serviceDirectory.search(ServiceSearch.all()).size();

		// every filter ignored: the whole list, 25 a page, and the page links leave the bad values out
		assertThat(mvc.get()
			.uri("/directory/services?type=SPACESHIP&place=XX1&offer=<b>x</b>&open=maybe")
			.with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Some filters were not used", "We did not recognise the type of service",
					total + " services, hours for", "href=\"/directory/services?page=2\"")
			.doesNotContain("<b>x</b>");
		assertThat(mvc.get().uri("/directory/practices?place=nowhere").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("We did not recognise the Place");
	}

	@Test
	void servicesArePagedTwentyFiveAtATimeAndCountTheWholeList() {
		List<ServiceSummary> all = serviceDirectory.search(ServiceSearch.all());
		assertThat(all).hasSizeGreaterThan(50);

		assertThat(mvc.get().uri("/directory/services").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(all.size() + " services, hours for", "Showing 1 to 25 of " + all.size() + " services",
					link(all.get(0)), link(all.get(24)), "href=\"/directory/services?page=2\"", "aria-current=\"page\"")
			.doesNotContain(link(all.get(25)), "rel=\"prev\"");
		assertThat(mvc.get().uri("/directory/services?page=2").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(all.size() + " services, hours for", "Showing 26 to 50 of " + all.size() + " services",
					link(all.get(25)), link(all.get(49)), "href=\"/directory/services?page=1\"", "rel=\"prev\"",
					"rel=\"next\"")
			.doesNotContain(link(all.get(0)), link(all.get(24)), link(all.get(50)));
	}

	@Test
	void pageLinksKeepTheFiltersInUse() {
		List<ServiceSummary> found = serviceDirectory.search(new ServiceSearch("a", null, "14Y", null, null));
		assertThat(found).hasSizeGreaterThan(PAGE_SIZE);

		assertThat(mvc.get().uri("/directory/services?q=a&place=14Y&type=SPACESHIP").with(coordinator()))
			.hasStatusOk()
			.bodyText()
			.contains(found.size() + " services", "We did not recognise the type of service",
					"href=\"/directory/services?q=a&amp;place=14Y&amp;page=2\"")
			.doesNotContain("SPACESHIP&amp;");
		assertThat(mvc.get().uri("/directory/services?q=a&place=14Y&page=2").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(link(found.get(PAGE_SIZE)), "href=\"/directory/services?q=a&amp;place=14Y&amp;page=1\"")
			.doesNotContain(link(found.get(0)));
	}

	@Test
	void pageLinksEncodeWhatWasTyped() {
		Map<String, @Nullable String> filters = new LinkedHashMap<>();
		filters.put("q", " a+b & c=d ");
		filters.put("type", null);
		filters.put("place", "");
		filters.put("open", "yes");

		assertThat(DirectoryPages.pageUrl("/directory/services", filters).apply(3))
			.isEqualTo("/directory/services?q=%20a%2Bb%20%26%20c%3Dd%20&open=yes&page=3");
	}

	@Test
	void pageNumbersThatDoNotFitShowTheNearestPage() {
		int total = serviceDirectory.search(ServiceSearch.all()).size();
		int lastPage = (total + PAGE_SIZE - 1) / PAGE_SIZE;

		assertThat(mvc.get().uri("/directory/services?page=abc").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Showing 1 to 25 of " + total);
		assertThat(mvc.get().uri("/directory/services?page=999").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Showing " + ((lastPage - 1) * PAGE_SIZE + 1) + " to " + total + " of " + total)
			.doesNotContain("rel=\"next\"");
		assertThat(mvc.get().uri("/directory/services?page=-1").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Showing 1 to 25 of " + total);
		assertThat(mvc.get().uri("/directory/practices?page=99999999999").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("Showing 1 to 25 of ");
	}

	@Test
	void practicesArePagedToo() {
		List<PracticeSummary> all = directory.practices();
		assertThat(all).hasSizeGreaterThan(PAGE_SIZE);

		assertThat(mvc.get().uri("/directory/practices").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(all.size() + " practices", "Showing 1 to 25 of " + all.size() + " practices",
					">" + all.get(0).odsCode().value() + "<", "href=\"/directory/practices?page=2\"")
			.doesNotContain(">" + all.get(PAGE_SIZE).odsCode().value() + "<");
		assertThat(mvc.get().uri("/directory/practices?page=2").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains(all.size() + " practices", ">" + all.get(PAGE_SIZE).odsCode().value() + "<")
			.doesNotContain(">" + all.get(0).odsCode().value() + "<");
		assertThat(mvc.get().uri("/directory/practices?q=jericho").with(coordinator())).hasStatusOk()
			.bodyText()
			.contains("1 practice")
			.doesNotContain("nhsuk-pagination", "Showing");
	}

	/** The link to a service in a list, which names it unambiguously (ids, unlike names, are no prefix of another). */
	static String link(ServiceSummary service) {
		return "href=\"/directory/services/" + service.id() + "\"";
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
		assertThat(mvc.get().uri("/directory/practices?q=K82901").with(admin())).bodyText()
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

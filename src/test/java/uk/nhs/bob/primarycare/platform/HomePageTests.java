package uk.nhs.bob.primarycare.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The start page offers each role the cards of what it may open, and no others. */
@IntegrationTest
class HomePageTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCoordinatorSeesTriageCvdAndTeamsButNotAdministration() {
		// coordinators refer people to neighbourhood teams and may be on a team's member list
		assertThat(mvc.get().uri("/").with(user("coordinator").roles("CARE_COORDINATOR"))).hasStatusOk()
			.bodyText()
			.contains("href=\"/triage\"", ">Same-day requests<", "href=\"/cvd\"", "href=\"/programme\"",
					"class=\"nhsuk-card__link\" href=\"/messaging\"",
					"class=\"nhsuk-card__link\" href=\"/neighbourhood\"")
			.doesNotContain("href=\"/admin/users\"", "href=\"/cvd/dashboard\"", "href=\"/audit\"");
	}

	@Test
	void aPlaceDeliveryUserSeesTeamsAndTheProgrammeButNoRecords() {
		assertThat(mvc.get().uri("/").with(user("delivery").roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("class=\"nhsuk-card__link\" href=\"/neighbourhood\"", ">Delivery programme<")
			.doesNotContain("class=\"nhsuk-card__link\" href=\"/triage\"", "href=\"/population/people\"",
					"href=\"/messaging\"");
	}

}

package uk.nhs.bob.primarycare.triage;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The measures page over the demo history, the demo queue, and the hub settings. */
@IntegrationTest
class TriageMeasuresTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TriageMeasures measures;

	@Test
	void theDemoHubHasWeeksOfCompletedRequestsToMeasure() {
		List<TriageMeasures.WeekMeasures> weeks = measures.weekly(List.of("BK-AYL"), java.time.LocalDate.now(), 8);
		assertThat(weeks).hasSize(8);
		assertThat(weeks.stream().filter(w -> w.completed() >= 12)).hasSizeGreaterThanOrEqualTo(5);
		TriageMeasures.WeekMeasures full = weeks.get(5);
		assertThat(full.awayPercent()).isBetween(1, 100);
		assertThat(full.rightFirstTimePercent()).isBetween(1, 100);
		assertThat(full.medianMinutesToDecision()).isBetween(5.0, 90.0);
	}

	@Test
	void coordinatorsSeeTheirHubAndPlaceTeamsTheirPlaceWithAChartAndNoNames() {
		assertThat(mvc.get().uri("/triage/measures").with(user("coordinator").roles("CARE_COORDINATOR"))).hasStatusOk()
			.bodyText()
			.contains("Same-day measures: <span>Aylesbury", "<svg", "Right first time", "Median time to decision");
		assertThat(mvc.get().uri("/triage/measures").with(user("delivery-bucks").roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("All hubs in Buckinghamshire");
		assertThat(mvc.get().uri("/triage").with(user("delivery-bucks").roles("PLACE_DELIVERY")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theDemoQueueShowsARedFlagFirstAndOverdueRequests() throws Exception {
		String queue = mvc.get()
			.uri("/triage")
			.with(user("coordinator").roles("CARE_COORDINATOR"))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(queue).contains("Same-day requests: <span>Aylesbury", "Overdue", "Red flag");
		assertThat(queue.indexOf("triage-red-flag")).isLessThan(queue.indexOf("Pharmacy"));
	}

	@Test
	void aSupervisorChoosesProblemsTheHubAlwaysChecks() {
		var supervisor = user("supervisor").roles("CLINICAL_SUPERVISOR");
		assertThat(mvc.post()
			.uri("/triage/hub-settings?site=BK-MBE")
			.with(supervisor)
			.with(csrf())
			.param("problems", "SHINGLES", "NOT_A_PROBLEM")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Choose problems from the list");
		assertThat(mvc.post()
			.uri("/triage/hub-settings?site=BK-MBE")
			.with(supervisor)
			.with(csrf())
			.param("problems", "SHINGLES")
			.param("mondayOpens", "08:00")
			.param("mondayCloses", "18:30")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/triage/hub-settings?site=BK-MBE").with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("id=\"problems-SHINGLES\" checked=\"checked\"");
		assertThat(mvc.get().uri("/triage/hub-settings?site=OX-CTY").with(supervisor)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/triage/hub-settings?site=BK-AYL").with(user("coordinator").roles("CARE_COORDINATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}

package uk.nhs.bob.primarycare.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The measures of a hub's weeks, its queue and its settings, over requests each test records in a hub of its own (a
 * neighbourhood site of Buckinghamshire), seen by staff each test makes.
 */
@TriageModuleTest
class TriageMeasuresTests {

	private static final String PLACE = "14Y";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TriageMeasures measures;

	@Autowired
	TriageRequests requests;

	@Autowired
	Population population;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private String site = "";

	@BeforeEach
	void aHubOfItsOwn() {
		// first: the directory's reference data counts as present once any site exists
		PopulationFixtures.referenceData(context);
		site = "T-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO directory.neighbourhood_site (code, name, place_code) VALUES (?, ?, ?)")
			.params(site, "Test hub " + site, PLACE)
			.update();
	}

	@Test
	void aHubsCompletedRequestsAreMeasuredByWeek() {
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		IsoWeek measured = IsoWeek.of(today).previous().previous().previous();
		Instant monday = measured.monday().atTime(LocalTime.of(9, 0)).atZone(ServiceDirectory.UK_TIME).toInstant();
		RequestedPerson repeated = person(unheldNhsNumber());
		// decided after 10, 20 and 50 minutes: one sent away from general practice, two to it
		complete(requests.record(request(person(unheldNhsNumber()), Set.of()), monday), Disposition.PHARMACY_FIRST,
				monday.plus(Duration.ofMinutes(10)));
		complete(requests.record(request(repeated, Set.of()), monday.plus(Duration.ofHours(1))),
				Disposition.GP_ROUTINE, monday.plus(Duration.ofMinutes(80)));
		complete(requests.record(request(person(unheldNhsNumber()), Set.of()), monday.plus(Duration.ofHours(2))),
				Disposition.URGENT_GP_SAME_DAY, monday.plus(Duration.ofMinutes(170)));
		// the second person asks again two days later: their first request was not right first time
		requests.record(request(repeated, Set.of()), monday.plus(Duration.ofDays(2)));
		// and a red-flag request of the same week still waits
		requests.record(request(person(null), Set.of(RedFlag.CHEST_PAIN)), monday.plus(Duration.ofDays(3)));

		List<TriageMeasures.WeekMeasures> weeks = measures.weekly(List.of(site), today, 8);

		assertThat(weeks).hasSize(8);
		assertThat(weeks.get(0).week()).isEqualTo(IsoWeek.of(today.minusWeeks(7)));
		assertThat(weeks.get(7).week()).isEqualTo(IsoWeek.of(today));
		TriageMeasures.WeekMeasures week = weeks.get(4);
		assertThat(week.week()).isEqualTo(measured);
		assertThat(week.requests()).isEqualTo(5);
		assertThat(week.completed()).isEqualTo(3);
		assertThat(week.redFlags()).isEqualTo(1);
		assertThat(week.awayPercent()).isEqualTo(33);
		assertThat(week.rightFirstTimePercent()).isEqualTo(67);
		assertThat(week.medianMinutesToDecision()).isEqualTo(20.0);
		assertThat(weeks).filteredOn(w -> !w.week().equals(measured)).allSatisfy(w -> {
			assertThat(w.requests()).isZero();
			assertThat(w.awayPercent()).isNull();
			assertThat(w.medianMinutesToDecision()).isNull();
		});
	}

	@Test
	void coordinatorsSeeTheirHubAndPlaceTeamsTheirPlaceWithAChartAndNoNames() {
		RequestedPerson person = person(null);
		TriageRequests.Recorded recorded = requests.record(request(person, Set.of()),
				Instant.now().minus(Duration.ofHours(1)));
		complete(recorded, Disposition.PHARMACY_FIRST, Instant.now().minus(Duration.ofMinutes(40)));
		String coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site(site),
				Role.CARE_COORDINATOR);
		String delivery = IdentityFixtures.staffUser(jdbc, "delivery", OrganisationScope.place(PLACE), Role.PLACE_DELIVERY);

		assertThat(mvc.get().uri("/triage/measures").with(user(coordinator).roles("CARE_COORDINATOR"))).hasStatusOk()
			.bodyText()
			.contains("Same-day measures: <span>Test hub " + site, "<svg", "Right first time",
					"Median time to decision")
			.doesNotContain(person.familyName());
		assertThat(mvc.get().uri("/triage/measures").with(user(delivery).roles("PLACE_DELIVERY"))).hasStatusOk()
			.bodyText()
			.contains("All hubs in Buckinghamshire")
			.doesNotContain(person.familyName());
		assertThat(mvc.get().uri("/triage").with(user(delivery).roles("PLACE_DELIVERY")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theQueueShowsARedFlagFirstAndOverdueRequests() throws Exception {
		// waiting five hours, past the target of any urgency, and suggested a pharmacy
		requests.record(request(person(null), Set.of()), Instant.now().minus(Duration.ofHours(5)));
		requests.record(request(person(null), Set.of(RedFlag.CHEST_PAIN)), Instant.now().minus(Duration.ofMinutes(1)));
		String coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site(site),
				Role.CARE_COORDINATOR);

		String queue = mvc.get()
			.uri("/triage")
			.with(user(coordinator).roles("CARE_COORDINATOR"))
			.exchange()
			.getResponse()
			.getContentAsString();

		assertThat(queue).contains("Same-day requests: <span>Test hub " + site, "Overdue", "Red flag");
		assertThat(queue.indexOf("triage-red-flag")).isPositive().isLessThan(queue.indexOf("Pharmacy"));
	}

	@Test
	void aSupervisorChoosesProblemsTheHubAlwaysChecks() {
		var supervisor = user(IdentityFixtures.staffUser(jdbc, "supervisor", OrganisationScope.place(PLACE),
				Role.CLINICAL_SUPERVISOR)).roles("CLINICAL_SUPERVISOR");
		String settings = "/triage/hub-settings?site=" + site;
		assertThat(mvc.post()
			.uri(settings)
			.with(supervisor)
			.with(csrf())
			.param("problems", "SHINGLES", "NOT_A_PROBLEM")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Choose problems from the list");
		assertThat(mvc.post()
			.uri(settings)
			.with(supervisor)
			.with(csrf())
			.param("problems", "SHINGLES")
			.param("mondayOpens", "08:00")
			.param("mondayCloses", "18:30")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(settings).with(supervisor)).hasStatusOk()
			.bodyText()
			.contains("id=\"problems-SHINGLES\" checked=\"checked\"");
		assertThat(mvc.get().uri("/triage/hub-settings?site=OX-CTY").with(supervisor)).hasStatus(HttpStatus.FORBIDDEN);
		String coordinator = IdentityFixtures.staffUser(jdbc, "coordinator", OrganisationScope.site(site),
				Role.CARE_COORDINATOR);
		assertThat(mvc.get().uri(settings).with(user(coordinator).roles("CARE_COORDINATOR")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private void complete(TriageRequests.Recorded recorded, Disposition disposition, Instant decidedAt) {
		requests.completeAt(recorded.id(), disposition, "coordinator-test", decidedAt, "Test decision",
				"supervisor-test");
	}

	private NewRequest request(RequestedPerson person, Set<RedFlag> flags) {
		RequestDetails details = new RequestDetails(PresentingProblem.SORE_THROAT, "Since yesterday", null, flags, null,
				false, false, 2, null, null, null, null, null, false);
		return new NewRequest(TriageRequest.Channel.COORDINATOR, "test:" + UUID.randomUUID(), "coordinator-test",
				person, null, site, details);
	}

	private static RequestedPerson person(@org.jspecify.annotations.Nullable NhsNumber nhsNumber) {
		return new RequestedPerson(nhsNumber, "Ana", "Measured-" + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.now().minusYears(34), Sex.FEMALE, null);
	}

	/** A valid NHS number (of the test range, 999) that no record holds, so the request keeps it as given. */
	private NhsNumber unheldNhsNumber() {
		while (true) {
			String nine = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
			Integer check = NhsNumber.checkDigit(nine);
			if (check != null) {
				NhsNumber number = new NhsNumber(nine + check);
				if (population.find(number).isEmpty()) {
					return number;
				}
			}
		}
	}

}

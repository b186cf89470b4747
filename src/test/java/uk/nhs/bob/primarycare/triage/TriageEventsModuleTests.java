package uk.nhs.bob.primarycare.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.triage.NavigationInput.Sex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Triage with only the modules it depends on (directory, identity, audit, population; see {@link TriageModuleTest}):
 * the events it publishes as requests are recorded, decided and repeated, with their content, each in the transaction
 * of its change. Triage listens to no other module's events. Every test makes its own hub (a neighbourhood site of
 * Buckinghamshire) and its own people (in the population through its FHIR import, or held by no record), so no demo
 * data is read.
 */
@TriageModuleTest
class TriageEventsModuleTests {

	private static final String PLACE = "14Y";

	private final TriageRequests requests;

	private final Population population;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ApplicationContext context;

	private String site = "";

	TriageEventsModuleTests(TriageRequests requests, Population population, Directory directory, JdbcClient jdbc,
			ApplicationContext context) {
		this.requests = requests;
		this.population = population;
		this.directory = directory;
		this.jdbc = jdbc;
		this.context = context;
	}

	@BeforeEach
	void aHubOfItsOwn() {
		// first: the directory's reference data counts as present once any site exists, so a test hub made before it
		// would leave the database without practices
		PopulationFixtures.referenceData(context);
		site = "T-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO directory.neighbourhood_site (code, name, place_code) VALUES (?, ?, ?)")
			.params(site, "Test hub " + site, PLACE)
			.update();
	}

	@Test
	void startsWithoutTheModulesThatHearIt() {
		assertThat(context.getBeanNamesForType(TriageRequests.class)).hasSize(1);
		assertThat(context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class)).isFalse();
		assertThat(context.getBeanNamesForType(PersonContextProvider.class)).isEmpty();
	}

	@Test
	void recordingARequestPublishesItsHubChannelAndRedFlag(Scenario scenario) {
		NewRequest withRedFlag = request(person(null), PresentingProblem.SORE_THROAT, Set.of(RedFlag.values()[0]));

		scenario.stimulate(() -> requests.record(withRedFlag))
			.andWaitForEventOfType(TriageRequestRecorded.class)
			.matching(event -> event.siteCode().equals(site))
			.toArriveAndVerify((event, recorded) -> {
				assertThat(event.requestId()).isEqualTo(recorded.id());
				assertThat(event.channel()).isEqualTo("COORDINATOR");
				assertThat(event.redFlag()).isTrue().isEqualTo(recorded.navigation().redFlag());
				assertThat(recorded.identity()).isEqualTo(TriageRequest.Identity.NOT_REGISTERED);
			});
	}

	@Test
	void aRequestForSomeoneInThePopulationPublishesItsReceiptWithTheirNumberHubAndProblem(Scenario scenario) {
		PracticeSummary practice = directory.practices().get(0);
		LocalDate born = LocalDate.now().minusYears(41);
		NhsNumber registered = PopulationFixtures.person(context, practice.odsCode(), "Maya", "Fixture", born,
				uk.nhs.bob.primarycare.population.Sex.FEMALE);
		// the details as a caller gives them: the name in other case, so the match is the identity rule's, not equality
		RequestedPerson caller = new RequestedPerson(registered, "MAYA", "fixture", born, Sex.FEMALE, null);
		NewRequest urinary = request(caller, PresentingProblem.URINARY_SYMPTOMS, Set.of(RedFlag.values()[0]));
		Instant before = Instant.now();

		scenario.stimulate(() -> requests.record(urinary))
			.andWaitForEventOfType(TriageRequestReceived.class)
			.matching(event -> event.nhsNumber().equals(registered))
			.toArriveAndVerify((event, recorded) -> {
				TriageRequest stored = requests.find(recorded.id()).orElseThrow();
				assertThat(recorded.identity()).isEqualTo(TriageRequest.Identity.MATCHED);
				assertThat(event.requestId()).isEqualTo(recorded.id());
				assertThat(event.reference()).isEqualTo(recorded.reference()).startsWith("TR-");
				// the hub of the person's own practice, not the site the request was sent to
				assertThat(event.siteCode()).isEqualTo(practice.siteCode()).isNotEqualTo(site);
				assertThat(event.problem()).isEqualTo("URINARY_SYMPTOMS");
				assertThat(event.problemLabel()).isEqualTo(PresentingProblem.URINARY_SYMPTOMS.label());
				assertThat(event.redFlag()).isTrue();
				// as stored (PostgreSQL rounds to microseconds)
				assertThat(event.receivedAt()).isCloseTo(stored.receivedAt(), within(1, ChronoUnit.MICROS))
					.isAfterOrEqualTo(before);
			});
	}

	@Test
	void aRequestForSomeoneNotInThePopulationPublishesNoReceipt(Scenario scenario, AssertablePublishedEvents events) {
		NhsNumber unheld = unheldNhsNumber();

		scenario.stimulate(() -> requests.record(request(person(unheld), PresentingProblem.SORE_THROAT, Set.of())))
			.andWaitForEventOfType(TriageRequestRecorded.class)
			.matching(event -> event.siteCode().equals(site))
			.toArriveAndVerify((event, recorded) -> {
				assertThat(recorded.identity()).isEqualTo(TriageRequest.Identity.NOT_REGISTERED);
				assertThat(events.ofType(TriageRequestReceived.class)
					.matching(received -> received.requestId().equals(recorded.id()))).isEmpty();
			});
	}

	@Test
	void decidingAClaimedRequestAsSuggestedPublishesItsCompletion(Scenario scenario) {
		TriageRequests.Recorded recorded = requests.record(request(person(null), PresentingProblem.SORE_THROAT, Set.of()));
		StaffUser coordinator = coordinator();
		assertThat(requests.claim(recorded.id(), coordinator.username()).claimed()).isTrue();
		TriageRequest claimed = requests.find(recorded.id()).orElseThrow();
		Disposition suggested = claimed.suggestedDisposition();
		Referral referral = requests.defaultReferral(suggested, null, LocalDate.now(), PLACE);

		scenario.stimulate(() -> requests.decide(claimed.id(), claimed.version(), coordinator, suggested, null, referral))
			.andWaitForEventOfType(TriageRequestCompleted.class)
			.matching(event -> event.requestId().equals(recorded.id()))
			.toArriveAndVerify((event, decided) -> {
				assertThat(decided.status()).isEqualTo(TriageRequest.Status.COMPLETED);
				assertThat(event.siteCode()).isEqualTo(site);
				assertThat(event.placeCode()).isEqualTo(PLACE);
				assertThat(event.disposition()).isEqualTo(suggested.name());
				assertThat(event.awayFromGeneralPractice()).isEqualTo(suggested.awayFromGeneralPractice());
				assertThat(event.overridden()).isFalse();
				assertThat(event.redFlag()).isFalse();
				assertThat(event.weekStarting()).isEqualTo(IsoWeek.of(LocalDate.now(
						uk.nhs.bob.primarycare.directory.ServiceDirectory.UK_TIME)).monday());
				assertThat(event.secondsToDecision()).isBetween(0L, Duration.ofHours(1).toSeconds());
			});
	}

	@Test
	void aRepeatWithinSevenDaysOfACompletedRequestMakesItNotRightFirstTime(Scenario scenario) {
		RequestedPerson person = person(unheldNhsNumber());
		Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
		TriageRequests.Recorded first = requests.record(request(person, PresentingProblem.SORE_THROAT, Set.of()),
				threeDaysAgo);
		TriageRequest earlier = requests.find(first.id()).orElseThrow();
		requests.completeAt(first.id(), earlier.suggestedDisposition(), "coordinator-test",
				threeDaysAgo.plusSeconds(600), null, "supervisor-test");

		scenario.stimulate(() -> requests.record(request(person, PresentingProblem.SORE_THROAT, Set.of())))
			.andWaitForEventOfType(TriageRequestNotRightFirstTime.class)
			.matching(event -> event.earlierRequestId().equals(first.id()))
			.toArriveAndVerify((event, repeat) -> {
				assertThat(event.laterRequestId()).isEqualTo(repeat.id());
				assertThat(event.siteCode()).isEqualTo(site);
				assertThat(event.earlierWeekStarting()).isEqualTo(earlier.weekStarting());
				assertThat(requests.find(first.id()).orElseThrow().notRightFirstTime()).isTrue();
				assertThat(requests.find(repeat.id()).orElseThrow().earlierRequestId()).isEqualTo(first.id());
			});
	}

	@Test
	void aRepeatWhileTheFirstIsOpenChasesItAndPublishesNoCompletion(Scenario scenario) {
		RequestedPerson person = person(unheldNhsNumber());
		TriageRequests.Recorded first = requests.record(request(person, PresentingProblem.EARACHE, Set.of()),
				Instant.now().minus(Duration.ofHours(2)));

		scenario.stimulate(() -> requests.record(request(person, PresentingProblem.EARACHE, Set.of())))
			.andWaitForEventOfType(TriageRequestRecorded.class)
			.matching(event -> event.siteCode().equals(site) && !event.requestId().equals(first.id()))
			.toArriveAndVerify((event, chaser) -> {
				assertThat(requests.find(first.id()).orElseThrow().chasedByRequestId()).isEqualTo(chaser.id());
				assertThat(requests.find(first.id()).orElseThrow().notRightFirstTime()).isFalse();
			});
	}

	private NewRequest request(RequestedPerson person, PresentingProblem problem, Set<RedFlag> flags) {
		RequestDetails details = new RequestDetails(problem, "Since yesterday", null, flags, null, false, false, 2,
				null, null, null, null, null, false);
		return new NewRequest(TriageRequest.Channel.COORDINATOR, "test:" + UUID.randomUUID(), "coordinator-test",
				person, null, site, details);
	}

	private static RequestedPerson person(@Nullable NhsNumber nhsNumber) {
		return new RequestedPerson(nhsNumber, "Ana", "Visitor-" + UUID.randomUUID().toString().substring(0, 6),
				LocalDate.now().minusYears(34), Sex.FEMALE, null);
	}

	private StaffUser coordinator() {
		return new StaffUser("coordinator-" + site, "Test Coordinator", Set.of(Role.CARE_COORDINATOR),
				OrganisationScope.site(site), "Test hub " + site);
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

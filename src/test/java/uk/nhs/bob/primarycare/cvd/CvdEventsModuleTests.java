package uk.nhs.bob.primarycare.cvd;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.population.BloodPressureSetting;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CVD prevention with only the modules it reads (directory, population, identity, audit, and triage for the
 * interface it implements) and the platform, on PostgreSQL: outreach recorded publishes its event, and a reading the population
 * publishes re-evaluates that person at once, publishing the finding on the change only. Each test makes its own
 * person; the modules that hear CVD's events (messaging, programme, neighbourhood) are not started.
 */
@CvdModuleTest
class CvdEventsModuleTests {

	/** The listeners run on a shared executor that a busy test machine can keep waiting well past the default 10 s. */
	private static final Duration BUSY_MACHINE = Duration.ofSeconds(60);

	private final CvdOutreach outreach;

	private final OutreachRecords outreachRecords;

	private final PersonEvaluation personEvaluation;

	private final Population population;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final ApplicationContext context;

	CvdEventsModuleTests(CvdOutreach outreach, OutreachRecords outreachRecords, PersonEvaluation personEvaluation,
			Population population, Directory directory, JdbcClient jdbc, ApplicationContext context) {
		this.outreach = outreach;
		this.outreachRecords = outreachRecords;
		this.personEvaluation = personEvaluation;
		this.population = population;
		this.directory = directory;
		this.jdbc = jdbc;
		this.context = context;
	}

	@Test
	void startsWithoutTheModulesThatHearItsEvents() {
		assertThat(context.getBeanNamesForType(ObservationsListener.class)).hasSize(1);
		assertThat(context.containsBean("cvdMessages")).isFalse();
		assertThat(context.containsBean("feedListener")).isFalse();
		assertThat(context.containsBean("caseloadEventListeners")).isFalse();
		assertThat(context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class)).isFalse();
	}

	@Test
	void recordingOutreachPublishesItWithThePracticeSiteTypeAndDate(Scenario scenario) {
		PracticeSummary practice = directory.practices().get(2);
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), "Olive", "Outreach",
				LocalDate.now(PersonEvaluation.UK).minusYears(58), Sex.FEMALE);
		LocalDate invitedOn = LocalDate.now(PersonEvaluation.UK).minusDays(1);

		scenario.stimulate(() -> outreach.record(person, practice, OutreachType.PHARMACY_BP_CHECK,
				CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION, OutreachOutcome.SENT, invitedOn, null, "nurse"))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForEventOfType(CvdOutreachRecorded.class)
			.toArriveAndVerify((event, id) -> {
				assertThat(event.outreachId()).isEqualTo(id);
				assertThat(event.practiceCode()).isEqualTo(practice.odsCode().value());
				assertThat(event.siteCode()).isEqualTo(practice.siteCode());
				assertThat(event.outreachType()).isEqualTo(OutreachType.PHARMACY_BP_CHECK.name());
				assertThat(event.recordedOn()).isEqualTo(invitedOn);
				// the event names no person; the record it points at does, for the modules allowed to read it
				OutreachRecord record = outreachRecords.find(id).orElseThrow();
				assertThat(record.nhsNumber()).isEqualTo(person);
				assertThat(record.outcome()).isEqualTo(OutreachOutcome.SENT);
			});
	}

	@Test
	void aPharmacyReadingReEvaluatesThePersonAtOnceAndTheFindingIsPublishedOnlyOnTheChange(Scenario scenario,
			AssertablePublishedEvents events) {
		PracticeSummary practice = directory.practices().get(3);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), "Reading", "Raised",
				today.minusYears(55), Sex.MALE);
		assertThat(finding(person)).isEmpty();

		scenario.stimulate(() -> population.recordBloodPressure(person, 148, 92, today, BloodPressureSetting.PHARMACY))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> finding(person), Optional::isPresent)
			.andVerify(explanation -> {
				assertThat(explanation.orElseThrow()).contains("148/92").contains("Community pharmacy");
				assertThat(events.ofType(PossibleHypertensionFound.class).matching(e -> e.nhsNumber().equals(person)))
					.singleElement()
					.satisfies(found -> {
						assertThat(found.practiceCode()).isEqualTo(practice.odsCode().value());
						assertThat(found.siteCode()).isEqualTo(practice.siteCode());
						assertThat(found.systolic()).isEqualTo(148);
						assertThat(found.diastolic()).isEqualTo(92);
						assertThat(found.readingDate()).isEqualTo(today);
					});
			});

		// evaluated again with nothing new: still found, not published again
		personEvaluation.reevaluate(person);
		assertThat(finding(person)).isPresent();
		assertThat(events.ofType(PossibleHypertensionFound.class).matching(e -> e.nhsNumber().equals(person)))
			.hasSize(1);
	}

	@Test
	void aReadingInTheNormalRangeFindsNothing(Scenario scenario) {
		PracticeSummary practice = directory.practices().get(4);
		LocalDate today = LocalDate.now(PersonEvaluation.UK);
		NhsNumber person = PopulationFixtures.person(context, practice.odsCode(), "Norma", "Range",
				today.minusYears(52), Sex.FEMALE);
		assertThat(evaluated(person)).isFalse();

		scenario.stimulate(() -> population.recordBloodPressure(person, 124, 78, today, BloodPressureSetting.CLINIC))
			.andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> evaluated(person), Boolean::booleanValue)
			.andVerify(evaluated -> assertThat(finding(person)).isEmpty());
	}

	private Optional<String> finding(NhsNumber person) {
		return jdbc.sql("SELECT explanation FROM cvd.finding WHERE nhs_number = ? AND rule_code = ?")
			.params(person.value(), CaseFindingRule.POSSIBLE_UNDIAGNOSED_HYPERTENSION.code())
			.query(String.class)
			.optional();
	}

	/** Whether the person has been evaluated (their risk row is written by every evaluation). */
	private boolean evaluated(NhsNumber person) {
		return jdbc.sql("SELECT count(*) FROM cvd.person_risk WHERE nhs_number = ?")
			.param(person.value())
			.query(Long.class)
			.single() == 1;
	}

}

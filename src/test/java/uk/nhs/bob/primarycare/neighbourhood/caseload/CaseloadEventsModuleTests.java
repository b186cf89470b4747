package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

import uk.nhs.bob.primarycare.cvd.CvdHighRiskFound;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonAdded;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadPersonDischarged;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.triage.TriageRequestReceived;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neighbourhood module on its own (with the modules below it and the platform, see {@link NeighbourhoodModuleTest};
 * no delivery programme, no messaging, no demo data): what it publishes when a caseload changes, and what it does with
 * the triage and CVD events it hears. Each test makes its own team and people; the listeners are waited for through
 * the event publication registry's table, never a fixed delay.
 */
@NeighbourhoodModuleTest
class CaseloadEventsModuleTests {

	private final Caseload caseload;

	private final CaseloadCounting counting;

	private final TeamRepository teams;

	private final JdbcClient jdbc;

	private final ApplicationContext context;

	CaseloadEventsModuleTests(Caseload caseload, CaseloadCounting counting, TeamRepository teams, JdbcClient jdbc,
			ApplicationContext context) {
		this.caseload = caseload;
		this.counting = counting;
		this.teams = teams;
		this.jdbc = jdbc;
		this.context = context;
	}

	@Test
	void startsWithoutTheModulesThatHearIt() {
		assertThat(context.getBeanNamesForType(CaseloadEventListeners.class)).hasSize(1);
		assertThat(context.getEnvironment().getProperty("primarycare.demo.enabled", Boolean.class)).isFalse();
		assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("programme"))
			.noneMatch(name -> name.toLowerCase().contains("notify"));
	}

	@Test
	void addingAPersonPublishesCaseloadPersonAddedWithTheTeamsSite(Scenario scenario) {
		Team team = newTeam();
		NhsNumber person = newNhsNumber();

		scenario.stimulate(() -> caseload.add(team, person, new OdsCode("K84001"), "Module test", null, "tester"))
			.andWaitForEventOfType(CaseloadPersonAdded.class)
			.matching(event -> event.nhsNumber().equals(person))
			.toArriveAndVerify((event, entry) -> {
				assertThat(event.caseloadEntryId()).isEqualTo(entry.getId());
				assertThat(event.teamId()).isEqualTo(team.getId());
				assertThat(event.siteCode()).isEqualTo(team.getSiteCode());
				assertThat(event.addedOn()).isEqualTo(LocalDate.now());
			});
	}

	@Test
	void dischargingPublishesCaseloadPersonDischargedWithTheReason(Scenario scenario) {
		Team team = newTeam();
		NhsNumber person = newNhsNumber();
		CaseloadEntry entry = caseload.add(team, person, new OdsCode("K84001"), "Module test", null, "tester");

		scenario.stimulate(() -> caseload.discharge(entry.getId(), entry.getVersion(), "Goals achieved", "tester"))
			.andWaitForEventOfType(CaseloadPersonDischarged.class)
			.matching(event -> event.caseloadEntryId().equals(entry.getId()))
			.toArriveAndVerify(event -> {
				assertThat(event.nhsNumber()).isEqualTo(person);
				assertThat(event.reason()).isEqualTo("Goals achieved");
				assertThat(event.siteCode()).isEqualTo(team.getSiteCode());
			});
	}

	@Test
	void countingATeamPublishesItsOpenCaseload(Scenario scenario) {
		Team team = newTeam();
		caseload.add(team, newNhsNumber(), new OdsCode("K84001"), "Module test", null, "tester");
		CaseloadEntry leaving = caseload.add(team, newNhsNumber(), new OdsCode("K84001"), "Module test", null, "tester");
		caseload.discharge(leaving.getId(), leaving.getVersion(), "Moved away", "tester");

		scenario.stimulate(() -> counting.count(team))
			.andWaitForEventOfType(CaseloadCounted.class)
			.matching(event -> event.siteCode().equals(team.getSiteCode()))
			.toArriveAndVerify(event -> {
				assertThat(event.peopleOnCaseload()).isEqualTo(1);
				assertThat(event.plansAgreed()).isZero();
				assertThat(event.weekStarting().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
			});
	}

	@Test
	void aSameDayRequestAlertsTheKeyworkerOnceAndOneForSomeoneOnNoCaseloadIsIgnored(Scenario scenario) {
		Team team = newTeam();
		NhsNumber person = newNhsNumber();
		CaseloadEntry entry = caseload.add(team, person, new OdsCode("K84001"), "Module test", null, "tester");
		UUID requestId = UUID.randomUUID();
		TriageRequestReceived received = new TriageRequestReceived(requestId, person, team.getSiteCode(),
				"URINARY_SYMPTOMS", true, Instant.now(), "TR-MODULE1", "Urinary symptoms");
		UUID otherRequest = UUID.randomUUID();
		NhsNumber nobody = newNhsNumber();
		List<Object> events = List.of(received,
				new TriageRequestReceived(otherRequest, nobody, team.getSiteCode(), "SORE_THROAT", false,
						Instant.now(), "TR-MODULE2", "Sore throat"));

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
		}).andWaitAtMost(Duration.ofSeconds(30)).andWaitForStateChange(() -> handled(person, nobody), done -> done)
			.andVerify(done -> {
			assertThat(jdbc.sql("""
					SELECT count(*) FROM neighbourhood.keyworker_alert
					WHERE caseload_entry_id = ? AND request_id = ? AND red_flag AND reference = 'TR-MODULE1'""")
				.params(entry.getId(), requestId)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id = ?")
				.param(otherRequest)
				.query(Long.class)
				.single()).isZero();
		});

		// the same request delivered again, as the publication registry does after a failure, adds nothing
		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> publisher.publishEvent(received));
		}).andWaitAtMost(Duration.ofSeconds(30)).andWaitForStateChange(() -> handled(person), done -> done)
			.andVerify(done -> assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id = ?")
				.param(requestId)
				.query(Long.class)
				.single()).isEqualTo(1));
	}

	@Test
	void aHighCvdRiskFindingFlagsAnOpenEntryOnceAndNotADischargedOne(Scenario scenario) {
		Team team = newTeam();
		NhsNumber person = newNhsNumber();
		CaseloadEntry open = caseload.add(team, person, new OdsCode("K84001"), "Module test", null, "tester");
		NhsNumber discharged = newNhsNumber();
		CaseloadEntry gone = caseload.add(team, discharged, new OdsCode("K84001"), "Module test", null, "tester");
		caseload.discharge(gone.getId(), gone.getVersion(), "Moved away", "tester");
		LocalDate today = LocalDate.now();
		CvdHighRiskFound found = new CvdHighRiskFound(person, "K84001", team.getSiteCode(), 17.4, false, today);
		List<Object> events = List.of(found,
				new CvdHighRiskFound(discharged, "K84001", team.getSiteCode(), 22.0, true, today));

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> events.forEach(publisher::publishEvent));
		}).andWaitAtMost(Duration.ofSeconds(30)).andWaitForStateChange(() -> handled(person, discharged), done -> done)
			.andVerify(done -> {
			assertThat(jdbc.sql("""
					SELECT qrisk3_score::text FROM neighbourhood.cvd_risk_flag
					WHERE caseload_entry_id = ? AND found_on = ? AND NOT on_lipid_lowering""")
				.params(open.getId(), today)
				.query(String.class)
				.list()).containsExactly("17.40");
			assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.cvd_risk_flag WHERE caseload_entry_id = ?")
				.param(gone.getId())
				.query(Long.class)
				.single()).isZero();
		});

		// the same finding delivered again adds nothing
		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> publisher.publishEvent(found));
		}).andWaitAtMost(Duration.ofSeconds(30)).andWaitForStateChange(() -> handled(person), done -> done)
			.andVerify(done -> assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.cvd_risk_flag WHERE caseload_entry_id = ?")
				.param(open.getId())
				.query(Long.class)
				.single()).isEqualTo(1));
	}

	/**
	 * The module's listener has finished with every event naming one of these NHS numbers: the publication registry's
	 * table holds none of them incomplete for it. (Read with SQL for these events only: loading every incomplete
	 * publication of the shared test database on each poll is slow, and other modules' listeners of the same events
	 * are not this test's concern.)
	 */
	private boolean handled(NhsNumber... people) {
		String anyOf = String.join("|", java.util.Arrays.stream(people).map(NhsNumber::value).toList());
		return jdbc.sql("""
				SELECT count(*) FROM events.event_publication
				WHERE completion_date IS NULL AND listener_id LIKE ? AND serialized_event ~ ?""")
			.params("%" + CaseloadEventListeners.class.getName() + "%", anyOf)
			.query(Long.class)
			.single() == 0;
	}

	private Team newTeam() {
		String site = "T-" + UUID.randomUUID().toString().substring(0, 8);
		return teams.save(new Team(site, "Module test team " + site, "tester"));
	}

	/** A new valid NHS number (Modulus 11) in the 999 range, which is never issued to a real person. */
	private static NhsNumber newNhsNumber() {
		while (true) {
			StringBuilder digits = new StringBuilder("999");
			for (int i = 0; i < 6; i++) {
				digits.append(ThreadLocalRandom.current().nextInt(10));
			}
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += (digits.charAt(i) - '0') * (10 - i);
			}
			int check = 11 - sum % 11;
			if (check == 10) {
				continue;
			}
			digits.append(check == 11 ? 0 : check);
			return NhsNumber.parse(digits.toString()).orElseThrow();
		}
	}

}

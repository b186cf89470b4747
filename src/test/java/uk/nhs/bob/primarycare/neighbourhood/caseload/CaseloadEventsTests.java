package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.cvd.CvdHighRiskFound;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meeting;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingRepository;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meetings;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.TriageRequestReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The other modules' events as the team sees them on its pages (published here as triage and cvd would), the MDT
 * agenda built from them, decisions becoming plan actions, and the weekly caseload count with its button; for a team,
 * members and people each test makes, the listeners waited for with a {@link Scenario}, never a fixed delay. What the
 * module publishes and how its listeners treat each event on their own is {@link CaseloadEventsModuleTests}'.
 */
@NeighbourhoodModuleTest
class CaseloadEventsTests {

	/** The listeners run on a shared executor that a busy test machine can keep waiting well past the default 10 s. */
	private static final Duration BUSY_MACHINE = Duration.ofSeconds(60);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	Caseload caseload;

	@Autowired
	MeetingRepository meetings;

	@Autowired
	CaseloadCounting counting;

	@Autowired
	ApplicationContext context;

	/** The username of the keyworker of the test's team, and the keyworker signed in to its pages. */
	String memberName = "";

	RequestPostProcessor member = user("nobody");

	/** A person of the test's own team on its caseload with the team's keyworker. */
	CaseloadEntry newEntry() {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		TeamMember keyworker = NeighbourhoodTestData.careTeam(jdbc, members, team);
		memberName = keyworker.getUsername();
		member = user(memberName).roles("INT_MEMBER");
		return caseload.add(team, NeighbourhoodTestData.person(context, team),
				NeighbourhoodTestData.practiceOf(team), "events test", keyworker.getId(), memberName);
	}

	long count(String sql, Object id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	@Test
	void aSameDayRequestAlertsTheKeyworkerOnTheCaseloadThePlanAndTheNextMeetingAgenda(Scenario scenario) {
		CaseloadEntry entry = newEntry();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				LocalDate.now().plusDays(2).atTime(LocalTime.NOON).atZone(Meetings.UK).toInstant(), "Room 1",
				memberName));
		UUID requestId = UUID.randomUUID();
		TriageRequestReceived received = new TriageRequestReceived(requestId, new NhsNumber(entry.getNhsNumber().value()),
				team.getSiteCode(), "URINARY_SYMPTOMS", true, Instant.now(), "TR-TESTREF1",
				"Urinary symptoms (pain or burning when peeing)");

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> publisher.publishEvent(received));
		}).andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(
					() -> count("SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id = ?", requestId),
					alerts -> alerts == 1)
			.andVerify(alerts -> {
				assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member)).hasStatusOk()
					.bodyText()
					.contains("Same-day requests: keyworker alert", "Urinary symptoms (pain or burning when peeing)",
							"Red flag", "TR-TESTREF1", "/triage/requests/" + requestId)
					.doesNotContain("URINARY_SYMPTOMS");
				assertThat(mvc.get().uri("/neighbourhood/teams/" + team.getSiteCode() + "/caseload").with(member))
					.hasStatusOk()
					.bodyText()
					.contains("1 same-day request");
				assertThat(mvc.get().uri("/neighbourhood/meetings/" + meeting.getId()).with(member)).hasStatusOk()
					.bodyText()
					.contains("Red flag same-day request: Urinary symptoms (pain or burning when peeing)");
			});
		// a redelivered event and one for someone on no caseload: CaseloadEventsModuleTests
		// acknowledging clears it from the caseload
		long alertId = jdbc.sql("SELECT id FROM neighbourhood.keyworker_alert WHERE request_id = ?").param(requestId)
			.query(Long.class).single();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId() + "/alerts/" + alertId + "/acknowledge")
			.with(member).with(csrf())).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member)).bodyText()
			.doesNotContain("Same-day requests: keyworker alert");
	}

	@Test
	void aHighCvdRiskFindingBecomesAnAgendaItemAndADecisionBecomesAPlanAction(Scenario scenario) {
		CaseloadEntry entry = newEntry();
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				LocalDate.now().plusDays(3).atTime(LocalTime.of(9, 30)).atZone(Meetings.UK).toInstant(), "Room 2",
				memberName));
		CvdHighRiskFound found = new CvdHighRiskFound(new NhsNumber(entry.getNhsNumber().value()), entry.getPracticeCode().value(),
				team.getSiteCode(), 17.4, false, LocalDate.now());
		String page = "/neighbourhood/meetings/" + meeting.getId();

		scenario.stimulate((transactions, publisher) -> {
			transactions.executeWithoutResult(status -> publisher.publishEvent(found));
		}).andWaitAtMost(BUSY_MACHINE)
			.andWaitForStateChange(() -> count(
					"SELECT count(*) FROM neighbourhood.cvd_risk_flag WHERE caseload_entry_id = ?", entry.getId()),
					flags -> flags == 1)
			.andVerify(flags -> assertThat(mvc.get().uri(page).with(member)).hasStatusOk()
				.bodyText()
				.contains("Newly flagged at high CVD risk: QRISK3 17.40% (not on lipid-lowering therapy)"));
		// the plan shows the flag too (the page reads the flags only when the entry has any)
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member)).hasStatusOk()
			.bodyText()
			.contains("QRISK3 17.40%, not on lipid-lowering therapy (CVD module, NICE NG238)");

		assertThat(mvc.post().uri(page + "/decisions").param("entryId", entry.getId().toString())
			.param("decision", "").param("dueDate", "30/2/2027").with(member).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter the decision", "Due date must be a real date", "Choose a member or type an organisation");
		String due = java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy").format(LocalDate.now().plusWeeks(2));
		assertThat(mvc.post().uri(page + "/decisions").param("entryId", entry.getId().toString())
			.param("decision", "Offer statin discussion with the practice pharmacist")
			.param("ownerOrganisation", "PCN clinical pharmacy").param("dueDate", due).with(member).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member)).bodyText()
			.contains("Offer statin discussion with the practice pharmacist", "PCN clinical pharmacy", "MDT meeting",
					"Action added: Offer statin discussion");
		assertThat(mvc.get().uri(page).with(member)).bodyText().contains("Offer statin discussion");
	}

	@Test
	void theWeeklyJobAndTheButtonPublishACountPerTeam(Scenario scenario, AssertablePublishedEvents events) {
		// a team with two people on its caseload (one plan agreed) and one discharged, and a second, empty team
		CaseloadEntry first = newEntry();
		Team team = teams.findById(first.getTeamId()).orElseThrow();
		LocalDate review = LocalDate.now().plusMonths(3);
		NeighbourhoodTestData.agreedPlan(caseload, team, NeighbourhoodTestData.person(context, team), null,
				new PlanContent("Home", List.of(new PlanContent.Goal("g1", "Stay at home", review, GoalStatus.PROPOSED)),
						List.of(), "", review));
		CaseloadEntry leaving = caseload.add(team, NeighbourhoodTestData.person(context, team),
				NeighbourhoodTestData.practiceOf(team), "events test", null, memberName);
		caseload.discharge(leaving.getId(), leaving.getVersion(), "Moved away", memberName);
		Team empty = NeighbourhoodTestData.newTeam(context, jdbc, teams);

		scenario.stimulate(() -> counting.weekly())
			.andWaitForEventOfType(CaseloadCounted.class)
			.matching(counted -> counted.siteCode().equals(team.getSiteCode()))
			.toArriveAndVerify(counted -> {
				assertThat(counted.weekStarting().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
				assertThat(counted.peopleOnCaseload()).isEqualTo(2);
				assertThat(counted.plansAgreed()).isEqualTo(1);
			});
		// one count for every team, the empty one too
		assertThat(events.ofType(CaseloadCounted.class)).extracting(CaseloadCounted::siteCode)
			.doesNotHaveDuplicates()
			.hasSize((int) teams.count())
			.contains(team.getSiteCode(), empty.getSiteCode());
		assertThat(events.ofType(CaseloadCounted.class).matching(c -> c.siteCode().equals(empty.getSiteCode())))
			.singleElement()
			.satisfies(counted -> assertThat(counted.peopleOnCaseload()).isZero());

		scenario.stimulate(() -> assertThat(mvc.post().uri("/neighbourhood/teams/" + team.getSiteCode() + "/caseload-count")
			.with(member).with(csrf())).hasStatus3xxRedirection())
			.andWaitForEventOfType(CaseloadCounted.class)
			.matching(counted -> counted.siteCode().equals(team.getSiteCode()))
			.toArrive();
		assertThat(events.ofType(CaseloadCounted.class).matching(c -> c.siteCode().equals(team.getSiteCode())))
			.hasSize(2);
		// a member of another team's site may not count this one
		String otherTeam = NeighbourhoodTestData.member(jdbc, members, empty, "Oona Other");
		assertThat(mvc.post().uri("/neighbourhood/teams/" + team.getSiteCode() + "/caseload-count")
			.with(user(otherTeam).roles("INT_MEMBER")).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(events.ofType(CaseloadCounted.class).matching(c -> c.siteCode().equals(team.getSiteCode())))
			.hasSize(2);
	}

}

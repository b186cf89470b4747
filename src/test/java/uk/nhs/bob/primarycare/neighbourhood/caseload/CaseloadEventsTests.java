package uk.nhs.bob.primarycare.neighbourhood.caseload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.cvd.CvdHighRiskFound;
import uk.nhs.bob.primarycare.neighbourhood.CaseloadCounted;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meeting;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingRepository;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meetings;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.triage.TriageRequestReceived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The other modules' events as the team sees them on its pages (published here as triage and cvd would), the MDT
 * agenda built from them, decisions becoming plan actions, and the weekly caseload count with its button. What the
 * module publishes and how its listeners treat each event on their own is {@link CaseloadEventsModuleTests}'.
 */
@IntegrationTest
@RecordApplicationEvents
class CaseloadEventsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TeamRepository teams;

	@Autowired
	TeamMemberRepository members;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	Caseload caseload;

	@Autowired
	CaseloadEntryRepository entries;

	@Autowired
	MeetingRepository meetings;

	@Autowired
	CaseloadCounting counting;

	@Autowired
	ApplicationEvents events;

	static RequestPostProcessor member() {
		return user("neighbourhood").roles("INT_MEMBER");
	}

	CaseloadEntry newEntry(int skip) {
		Team team = NeighbourhoodTestData.oxfordTeam(teams, definitions);
		Candidates.Candidate candidate = NeighbourhoodTestData.candidate(candidates, team, skip);
		UUID keyworker = members.findByTeamIdAndActiveTrueOrderByName(team.getId()).get(0).getId();
		return caseload.add(team, new NhsNumber(candidate.nhsNumber()), candidate.profile().practiceCode(),
				"events test", keyworker, "neighbourhood");
	}

	@Test
	void aSameDayRequestAlertsTheKeyworkerOnTheCaseloadThePlanAndTheNextMeetingAgenda() {
		CaseloadEntry entry = newEntry(8);
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				LocalDate.now().plusDays(2).atTime(LocalTime.NOON).atZone(Meetings.UK).toInstant(), "Room 1",
				"neighbourhood"));
		UUID requestId = UUID.randomUUID();
		transactions.executeWithoutResult(status -> publisher.publishEvent(new TriageRequestReceived(requestId,
				new NhsNumber(entry.getNhsNumber()), "OX-CTY", "URINARY_SYMPTOMS", true, Instant.now(), "TR-TESTREF1",
				"Urinary symptoms (pain or burning when peeing)")));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id = ?")
			.param(requestId)
			.query(Long.class)
			.single() == 1);
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member())).hasStatusOk()
			.bodyText()
			.contains("Same-day requests: keyworker alert", "Urinary symptoms (pain or burning when peeing)", "Red flag",
					"TR-TESTREF1", "/triage/requests/" + requestId)
			.doesNotContain("URINARY_SYMPTOMS");
		assertThat(mvc.get().uri("/neighbourhood/teams/OX-CTY/caseload").with(member())).hasStatusOk()
			.bodyText()
			.contains("1 same-day request");
		assertThat(mvc.get().uri("/neighbourhood/meetings/" + meeting.getId()).with(member())).hasStatusOk()
			.bodyText()
			.contains("Red flag same-day request: Urinary symptoms (pain or burning when peeing)");
		// a redelivered event and one for someone on no caseload: CaseloadEventsModuleTests
		// acknowledging clears it from the caseload
		long alertId = jdbc.sql("SELECT id FROM neighbourhood.keyworker_alert WHERE request_id = ?").param(requestId)
			.query(Long.class).single();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId() + "/alerts/" + alertId + "/acknowledge")
			.with(member()).with(csrf())).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member())).bodyText()
			.doesNotContain("Same-day requests: keyworker alert");
	}

	@Test
	void aHighCvdRiskFindingBecomesAnAgendaItemAndADecisionBecomesAPlanAction() {
		CaseloadEntry entry = newEntry(9);
		Team team = teams.findById(entry.getTeamId()).orElseThrow();
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				LocalDate.now().plusDays(3).atTime(LocalTime.of(9, 30)).atZone(Meetings.UK).toInstant(), "Room 2",
				"neighbourhood"));
		transactions.executeWithoutResult(status -> publisher.publishEvent(new CvdHighRiskFound(
				new NhsNumber(entry.getNhsNumber()), entry.getPracticeCode(), "OX-CTY", 17.4, false,
				LocalDate.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("SELECT count(*) FROM neighbourhood.cvd_risk_flag WHERE caseload_entry_id = ?")
			.param(entry.getId())
			.query(Long.class)
			.single() == 1);
		String page = "/neighbourhood/meetings/" + meeting.getId();
		assertThat(mvc.get().uri(page).with(member())).hasStatusOk()
			.bodyText()
			.contains("Newly flagged at high CVD risk: QRISK3 17.40% (not on lipid-lowering therapy)");

		assertThat(mvc.post().uri(page + "/decisions").param("entryId", entry.getId().toString())
			.param("decision", "").param("dueDate", "30/2/2027").with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Enter the decision", "Due date must be a real date", "Choose a member or type an organisation");
		String due = java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy").format(LocalDate.now().plusWeeks(2));
		assertThat(mvc.post().uri(page + "/decisions").param("entryId", entry.getId().toString())
			.param("decision", "Offer statin discussion with the practice pharmacist")
			.param("ownerOrganisation", "PCN clinical pharmacy").param("dueDate", due).with(member()).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/neighbourhood/care-plans/" + entry.getId()).with(member())).bodyText()
			.contains("Offer statin discussion with the practice pharmacist", "PCN clinical pharmacy", "MDT meeting",
					"Action added: Offer statin discussion");
		assertThat(mvc.get().uri(page).with(member())).bodyText().contains("Offer statin discussion");
	}

	@Test
	void theWeeklyJobAndTheButtonPublishACountPerTeam() {
		counting.weekly();
		assertThat(events.stream(CaseloadCounted.class).map(CaseloadCounted::siteCode).distinct())
			.hasSizeGreaterThanOrEqualTo(13);
		CaseloadCounted oxford = events.stream(CaseloadCounted.class)
			.filter(c -> c.siteCode().equals("OX-CTY"))
			.findFirst()
			.orElseThrow();
		assertThat(oxford.weekStarting().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		long open = jdbc.sql("""
				SELECT count(*) FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' AND status <> 'DISCHARGED'""")
			.query(Long.class).single();
		assertThat(oxford.peopleOnCaseload()).isEqualTo(open);
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/caseload-count").with(member()).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(events.stream(CaseloadCounted.class).filter(c -> c.siteCode().equals("OX-CTY")).count()).isEqualTo(2);
		assertThat(mvc.post().uri("/neighbourhood/teams/OX-CTY/caseload-count")
			.with(user("neighbourhood-berks").roles("INT_MEMBER")).with(csrf())).hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
	}

}

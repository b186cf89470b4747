package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meeting;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingRepository;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meetings;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The validation points of the INT pages: dates in a sensible window, decisions that cannot be recorded twice, and an
 * acknowledgement that says so only when something was acknowledged. Each test makes its team, the person on its
 * caseload and the team member who uses the pages.
 */
@NeighbourhoodModuleTest
class IntValidationTests {

	static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/yyyy");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	Caseload caseload;

	@Autowired
	MeetingRepository meetings;

	@Autowired
	ApplicationContext context;

	@Autowired
	TeamMemberRepository members;

	/** A team of the test's own, and a member of it. */
	Team team;

	String memberName = "";

	@BeforeEach
	void aTeamOfItsOwn() {
		team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		memberName = NeighbourhoodTestData.member(jdbc, members, team, "Nell Nurse");
	}

	RequestPostProcessor member() {
		return user(memberName).roles("INT_MEMBER");
	}

	/** A person registered at the team's practice, on its caseload. */
	CaseloadEntry entry() {
		NhsNumber person = NeighbourhoodTestData.person(context, team);
		return caseload.add(team, person, NeighbourhoodTestData.practiceOf(team), "test", null, memberName);
	}

	@Test
	void reviewAndPlanDatesMustBeWithinTheirWindow() {
		CaseloadEntry entry = entry();
		String plan = "/neighbourhood/care-plans/" + entry.getId();
		assertThat(mvc.post().uri(plan).param("version", "0").param("whatMatters", "x")
			.param("nextReviewDate", TYPED.format(LocalDate.now().plusYears(3)))
			.param("goals[0].description", "Walk").param("goals[0].targetDate", "1/1/2999")
			.param("goals[0].status", "PROPOSED").with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Next review date must be within 2 years", "Target date of goal 1 must be within 5 years");
		// the review form is on an agreed plan
		CaseloadEntry saved = caseload.savePlan(entry.getId(), 0, new PlanContent("Home", java.util.List.of(
				new PlanContent.Goal("g1", "Walk", LocalDate.now().plusMonths(2), GoalStatus.PROPOSED)),
				java.util.List.of(), "", LocalDate.now().plusMonths(3)), memberName);
		CaseloadEntry agreed = caseload.changeStatus(entry.getId(), saved.getVersion(), CaseloadStatus.PLAN_AGREED,
				memberName);
		assertThat(mvc.post().uri(plan + "/review").param("version", Long.toString(agreed.getVersion()))
			.param("nextReviewDate", TYPED.format(LocalDate.now().plusYears(2).plusDays(1)))
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Next review date must be within 2 years");
	}

	@Test
	void meetingsAreWithinAYearAndDecisionsAreDueFromTheMeetingAndRecordedOnce() {
		CaseloadEntry entry = entry();
		assertThat(mvc.post().uri("/neighbourhood/teams/" + team.getSiteCode() + "/meetings")
			.param("date", TYPED.format(LocalDate.now().plusYears(5))).param("time", "13:00")
			.param("location", "Room 1").with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Date must be within a year");
		LocalDate day = LocalDate.now().plusDays(7);
		Meeting meeting = meetings.save(new Meeting(entry.getTeamId(),
				day.atTime(LocalTime.of(10, 0)).atZone(Meetings.UK).toInstant(), "Room 3", memberName));
		String page = "/neighbourhood/meetings/" + meeting.getId() + "/decisions";
		assertThat(mvc.post().uri(page).param("entryId", entry.getId().toString()).param("decision", "Refer to falls")
			.param("ownerOrganisation", "Falls service").param("dueDate", TYPED.format(day.minusDays(1)))
			.with(member()).with(csrf())).hasStatusOk()
			.bodyText()
			.contains("Due date must be on or after the meeting");
		for (int i = 0; i < 2; i++) {
			assertThat(mvc.post().uri(page).param("entryId", entry.getId().toString())
				.param("decision", "Refer to falls").param("ownerOrganisation", "Falls service")
				.param("dueDate", TYPED.format(day.plusDays(14))).with(member()).with(csrf()))
				.hasStatus3xxRedirection();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM neighbourhood.meeting_decision WHERE meeting_id = ?")
			.param(meeting.getId())
			.query(Long.class)
			.single()).isEqualTo(1);
		String actions = jdbc.sql("SELECT actions FROM neighbourhood.caseload_entry WHERE id = ?")
			.param(entry.getId())
			.query(String.class)
			.single();
		assertThat(actions.split("Refer to falls", -1)).hasSize(2);
	}

	@Test
	void theErrorSummaryListsProblemsInTheOrderOfTheFields() throws Exception {
		CaseloadEntry entry = entry();
		String body = mvc.post().uri("/neighbourhood/care-plans/" + entry.getId()).param("version", "0")
			.param("whatMatters", "x".repeat(4001))
			.param("contingencyPlan", "y".repeat(4001))
			.param("nextReviewDate", "31/2/2027")
			.param("goals[0].description", "").param("goals[0].targetDate", "soon").param("goals[0].status", "PROPOSED")
			.param("goals[1].description", "Walk").param("goals[1].targetDate", "").param("goals[1].status", "PROPOSED")
			.param("actions[0].description", "").param("actions[0].ownerOrganisation", "Falls service")
			.param("actions[0].dueDate", "never").param("actions[0].status", "NOT_STARTED")
			.param("consentToShare", "MAYBE")
			.with(member()).with(csrf())
			.exchange()
			.getResponse()
			.getContentAsString();
		assertInOrder(body, "What matters to the person must be 4000 characters or fewer", "Enter goal 1",
				"Target date of goal 1 must be a real date", "Enter a target date for goal 2", "Enter action 1",
				"Due date of action 1 must be a real date", "The contingency plan must be 4000 characters or fewer",
				"Next review date must be a real date", "Choose whether the person agreed to share their plan");
		LocalDate day = LocalDate.now().plusDays(7);
		Meeting meeting = meetings.save(new Meeting(entry.getTeamId(),
				day.atTime(LocalTime.of(10, 0)).atZone(Meetings.UK).toInstant(), "Room 3", memberName));
		String decision = mvc.post().uri("/neighbourhood/meetings/" + meeting.getId() + "/decisions")
			.param("entryId", "").param("decision", "").param("dueDate", "tomorrow")
			.with(member()).with(csrf())
			.exchange()
			.getResponse()
			.getContentAsString();
		assertInOrder(decision, "Choose the person the decision is about", "Enter the decision",
				"Choose a member or type an organisation", "Due date must be a real date");
	}

	/** Each text appears, the first time, after the one before (the error summary comes first on the page). */
	static void assertInOrder(String body, String... texts) {
		int last = -1;
		for (String text : texts) {
			int at = body.indexOf(text);
			assertThat(at).as(text).isGreaterThan(last);
			last = at;
		}
	}

	@Test
	void acknowledgingAnAlertThatDoesNotExistSaysSo() {
		CaseloadEntry entry = entry();
		assertThat(mvc.post().uri("/neighbourhood/care-plans/" + entry.getId() + "/alerts/987654321/acknowledge")
			.with(member()).with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
	}

}

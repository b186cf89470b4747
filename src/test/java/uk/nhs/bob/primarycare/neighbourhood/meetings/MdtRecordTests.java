package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.IntegrationTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.NhsNumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The MDT record: the agenda frozen at the start, attendance, discussion notes and the minutes. */
@IntegrationTest
class MdtRecordTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TeamRepository teams;

	@Autowired
	CohortDefinitionRepository definitions;

	@Autowired
	Candidates candidates;

	@Autowired
	Caseload caseload;

	@Autowired
	MeetingRepository meetings;

	@Autowired
	TeamMemberRepository members;

	static RequestPostProcessor member() {
		return user("neighbourhood").roles("INT_MEMBER");
	}

	CaseloadEntry entryWithReviewDue(Team team, int skip, LocalDate due) {
		Candidates.Candidate candidate = NeighbourhoodTestData.candidate(candidates, team, skip);
		CaseloadEntry entry = caseload.add(team, new NhsNumber(candidate.nhsNumber()),
				candidate.profile().practiceCode(), "test", null, "neighbourhood");
		return caseload.savePlan(entry.getId(), entry.getVersion(),
				new PlanContent("Home", java.util.List.of(), java.util.List.of(), "", due), "neighbourhood");
	}

	@Test
	void theAgendaIsFrozenWhenTheMeetingStartsAndTheMinutesHoldAttendanceNotesAndDecisions() {
		Team team = NeighbourhoodTestData.oxfordTeam(teams, definitions);
		LocalDate day = LocalDate.now().plusDays(5);
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				day.atTime(LocalTime.of(11, 0)).atZone(Meetings.UK).toInstant(), "Room 9", "neighbourhood"));
		CaseloadEntry before = entryWithReviewDue(team, 0, day);
		String page = "/neighbourhood/meetings/" + meeting.getId();
		assertThat(mvc.post().uri(page + "/start").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(page + "/start").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("saved", "The meeting had already started: its agenda was frozen then");
		// a review falling due after the start is for the next meeting: the frozen agenda does not change
		CaseloadEntry after = entryWithReviewDue(team, 1, day);
		String frozen = jdbc.sql("SELECT agenda_snapshot FROM neighbourhood.meeting WHERE id = ?")
			.param(meeting.getId())
			.query(String.class)
			.single();
		assertThat(frozen).contains(before.getId().toString()).doesNotContain(after.getId().toString());
		assertThat(mvc.get().uri(page).with(member())).hasStatusOk()
			.bodyText()
			.contains("Frozen when the meeting started");

		UUID present = members.findByTeamIdAndActiveTrueOrderByName(team.getId()).get(0).getId();
		assertThat(mvc.post().uri(page + "/attendance").param("present", present.toString())
			.with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(page + "/attendance").param("present", UUID.randomUUID().toString())
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri(page + "/notes").param("noteEntryId", before.getId().toString()).param("note", " ")
			.with(member()).with(csrf())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("Enter the note of the discussion");
		assertThat(mvc.post().uri(page + "/notes").param("noteEntryId", before.getId().toString())
			.param("note", "Daughter worried about nights; consider a falls sensor").with(member()).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		String name = members.findById(present).orElseThrow().getName();
		assertThat(mvc.get().uri(page + "/minutes").with(member())).hasStatusOk()
			.bodyText()
			.contains("Minutes of the MDT meeting", "Agenda frozen when the meeting started", name,
					"Daughter worried about nights; consider a falls sensor");
		assertThat(mvc.get().uri(page + "/minutes").with(user("neighbourhood-bucks").roles("INT_MEMBER")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}

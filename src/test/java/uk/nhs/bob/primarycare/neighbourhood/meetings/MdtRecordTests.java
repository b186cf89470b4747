package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodModuleTest;
import uk.nhs.bob.primarycare.neighbourhood.NeighbourhoodTestData;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The MDT record: the agenda frozen at the start, attendance, discussion notes and the minutes, for a team, members
 * and people the test makes.
 */
@NeighbourhoodModuleTest
class MdtRecordTests {

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
	TeamMemberRepository members;

	@Autowired
	ApplicationContext context;

	String memberName = "";

	RequestPostProcessor member() {
		return user(memberName).roles("INT_MEMBER");
	}

	CaseloadEntry entryWithReviewDue(Team team, LocalDate due) {
		CaseloadEntry entry = caseload.add(team, NeighbourhoodTestData.person(context, team),
				NeighbourhoodTestData.practiceOf(team), "test", null, memberName);
		return caseload.savePlan(entry.getId(), entry.getVersion(),
				new PlanContent("Home", java.util.List.of(), java.util.List.of(), "", due), memberName);
	}

	@Test
	void theAgendaIsFrozenWhenTheMeetingStartsAndTheMinutesHoldAttendanceNotesAndDecisions() {
		Team team = NeighbourhoodTestData.newTeam(context, jdbc, teams);
		memberName = NeighbourhoodTestData.member(jdbc, members, team, "Nell Nurse");
		LocalDate day = LocalDate.now().plusDays(5);
		Meeting meeting = meetings.save(new Meeting(team.getId(),
				day.atTime(LocalTime.of(11, 0)).atZone(Meetings.UK).toInstant(), "Room 9", memberName));
		CaseloadEntry before = entryWithReviewDue(team, day);
		String page = "/neighbourhood/meetings/" + meeting.getId();
		assertThat(mvc.post().uri(page + "/start").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(page + "/start").with(member()).with(csrf())).hasStatus(HttpStatus.FOUND)
			.flash()
			.containsEntry("saved", "The meeting had already started: its agenda was frozen then");
		// a review falling due after the start is for the next meeting: the frozen agenda does not change
		CaseloadEntry after = entryWithReviewDue(team, day);
		String frozen = jdbc.sql("SELECT agenda_snapshot FROM neighbourhood.meeting WHERE id = ?")
			.param(meeting.getId())
			.query(String.class)
			.single();
		assertThat(frozen).contains(before.getId().toString()).doesNotContain(after.getId().toString());
		// the stored agenda keeps NHS numbers as plain digits, the shape of agendas frozen before they were typed
		assertThat(frozen).contains("\"nhsNumber\":\"" + before.getNhsNumber().value() + "\"")
			.doesNotContain("\"value\":");
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
		String otherTeam = IdentityFixtures.staffUser(jdbc, "neighbourhood-bucks", OrganisationScope.site("BK-AYL"),
				Role.INT_MEMBER);
		assertThat(mvc.get().uri(page + "/minutes").with(user(otherTeam).roles("INT_MEMBER")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

}

package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanForm;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntryRepository;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.DecisionForm;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.MeetingForm;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.NoteForm;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.PlanText;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamAccess;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;

/**
 * A team's MDT meetings for its members: the pages' reads and each change, checking the user may make it (members
 * read, members who edit change) before {@link Meetings} applies it. A team or meeting that is not there is a
 * {@link java.util.NoSuchElementException}.
 */
@Component
@Transactional
class MdtMeetings {

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final MeetingRepository meetingRepository;

	private final CaseloadEntryRepository entries;

	private final Meetings meetings;

	private final TeamAccess access;

	MdtMeetings(TeamRepository teams, TeamMemberRepository members, MeetingRepository meetingRepository,
			CaseloadEntryRepository entries, Meetings meetings, TeamAccess access) {
		this.teams = teams;
		this.members = members;
		this.meetingRepository = meetingRepository;
		this.entries = entries;
		this.meetings = meetings;
		this.access = access;
	}

	/** A team's meetings, latest first. */
	record MeetingList(Team team, List<Meeting> meetings) {
	}

	/** Everything a meeting's page (and its minutes) shows. */
	record MeetingPage(Team team, Meeting meeting, Meetings.MeetingPeople people, List<TeamMember> activeMembers,
			List<TeamMember> allMembers, Optional<Meetings.Started> started, Set<UUID> attendees,
			List<Meetings.Note> notes) {
	}

	/** A team's meetings for a member ({@code editing}: one who edits, after scheduling was refused). */
	@Transactional(readOnly = true)
	MeetingList list(String siteCode, StaffUser user, boolean editing) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		access.requireMember(user, team);
		if (editing) {
			access.requireEditor(user, team);
		}
		return new MeetingList(team, meetingRepository.findByTeamIdOrderByStartsAtDesc(team.getId()));
	}

	Meeting schedule(String siteCode, MeetingForm form, StaffUser user) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow();
		access.requireMember(user, team);
		access.requireEditor(user, team);
		return meetingRepository.save(new Meeting(team.getId(),
				form.day().atTime(form.startTime()).atZone(Meetings.UK).toInstant(), form.location().trim(),
				user.username()));
	}

	/**
	 * A meeting's page for a member of its team ({@code editing}: one who edits, as the page is shown again after a
	 * change was refused); each person it names is audited.
	 */
	MeetingPage page(UUID meetingId, StaffUser user, boolean editing) {
		Meeting meeting = meetingRepository.findById(meetingId).orElseThrow();
		Team team = team(meeting, user, editing);
		return new MeetingPage(team, meeting,
				meetings.people(team, meeting, user.username(), "/neighbourhood/meetings/" + meeting.getId()),
				members.findByTeamIdAndActiveTrueOrderByName(team.getId()), members.findByTeamIdOrderByName(team.getId()),
				meetings.started(meeting), meetings.attendees(meeting), meetings.notes(meeting));
	}

	/**
	 * Records a decision as an action on the person's plan; false when the same one was already recorded.
	 * {@link FieldRefused} for a person not open on the team's caseload, an owner not in the team, or a due date
	 * before the meeting or too far after it.
	 */
	boolean decide(UUID meetingId, DecisionForm form, StaffUser user) {
		Meeting meeting = meetingRepository.findById(meetingId).orElseThrow();
		Team team = team(meeting, user, true);
		Map<String, String> problems = decisionProblems(meeting, team, form);
		if (!problems.isEmpty()) {
			throw new FieldRefused(problems);
		}
		CaseloadEntry entry = openEntry(team, form.entryId()).orElseThrow();
		Optional<TeamMember> owner = owner(team, form.ownerMemberId());
		String organisation = TeamForms.trimmed(form.ownerOrganisation());
		return meetings.decide(meeting, entry, form.decision().trim(), owner.map(TeamMember::getId).orElse(null),
				owner.isEmpty() ? organisation : null, owner.map(TeamMember::describe).orElse(organisation), form.due(),
				user.username());
	}

	/** A meeting's page with the problems of a form that only what the team holds shows. */
	record Failed(MeetingPage page, FieldRefused problems) {
	}

	/** The meeting page again after the decision form failed its own checks, with what the team holds says too. */
	Failed decisionFailed(UUID meetingId, DecisionForm form, StaffUser user) {
		MeetingPage page = page(meetingId, user, true);
		return new Failed(page, new FieldRefused(decisionProblems(page.meeting(), page.team(), form)));
	}

	/** The meeting page again after the note form failed its own checks, with what the caseload says too. */
	Failed noteFailed(UUID meetingId, NoteForm form, StaffUser user) {
		MeetingPage page = page(meetingId, user, true);
		return new Failed(page, new FieldRefused(noteProblems(page.team(), form)));
	}

	/** What is wrong with a decision against the team's caseload and members and the meeting's date. */
	private Map<String, String> decisionProblems(Meeting meeting, Team team, DecisionForm form) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!TeamForms.blank(form.entryId()) && openEntry(team, form.entryId()).isEmpty()) {
			problems.put("entryId", DecisionForm.PERSON);
		}
		if (!TeamForms.blank(form.ownerMemberId()) && owner(team, form.ownerMemberId()).isEmpty()) {
			problems.put("ownerMemberId", "Choose the owner from the team's members");
		}
		Optional<LocalDate> due = PlanText.parse(form.dueDate());
		LocalDate meetingDate = meeting.getStartsAt().atZone(Meetings.UK).toLocalDate();
		if (due.isPresent() && due.get().isBefore(meetingDate)) {
			problems.put("dueDate", "Due date must be on or after the meeting, " + PlanText.date(meetingDate));
		}
		else if (due.isPresent() && due.get().isAfter(meetingDate.plusYears(PlanForm.REVIEW_YEARS_AHEAD))) {
			problems.put("dueDate", "Due date must be within " + PlanForm.REVIEW_YEARS_AHEAD + " years of the meeting");
		}
		return problems;
	}

	private Optional<CaseloadEntry> openEntry(Team team, @Nullable String entryId) {
		return id(entryId).flatMap(entries::findById)
			.filter(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open());
	}

	private Optional<TeamMember> owner(Team team, @Nullable String memberId) {
		return id(memberId).flatMap(members::findById).filter(m -> m.getTeamId().equals(team.getId()) && m.isActive());
	}

	/** Starts the meeting, freezing its agenda; false when it had already started. */
	boolean start(UUID meetingId, StaffUser user) {
		Meeting meeting = meetingRepository.findById(meetingId).orElseThrow();
		return meetings.start(team(meeting, user, true), meeting, user.username());
	}

	/** Records who attended, by member id; empty (nothing recorded) when any id is not an active member's. */
	OptionalInt attendance(UUID meetingId, @Nullable List<String> present, StaffUser user) {
		Meeting meeting = meetingRepository.findById(meetingId).orElseThrow();
		Team team = team(meeting, user, true);
		Set<String> wanted = present == null ? Set.of() : new java.util.HashSet<>(present);
		Set<UUID> ids = new LinkedHashSet<>();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> wanted.contains(m.getId().toString()))
			.forEach(m -> ids.add(m.getId()));
		if (ids.size() != wanted.size()) {
			return OptionalInt.empty();
		}
		meetings.attendance(meeting, ids, user.username());
		return OptionalInt.of(ids.size());
	}

	/** Records a discussion note; {@link FieldRefused} for a person not on the team's caseload. */
	void note(UUID meetingId, NoteForm form, StaffUser user) {
		Meeting meeting = meetingRepository.findById(meetingId).orElseThrow();
		Team team = team(meeting, user, true);
		Map<String, String> problems = noteProblems(team, form);
		if (!problems.isEmpty()) {
			throw new FieldRefused(problems);
		}
		meetings.note(meeting, caseloadEntry(team, form.noteEntryId()).orElseThrow(), form.note().trim(),
				user.username());
	}

	private Map<String, String> noteProblems(Team team, NoteForm form) {
		return TeamForms.blank(form.noteEntryId()) || caseloadEntry(team, form.noteEntryId()).isPresent() ? Map.of()
				: Map.of("noteEntryId", "Choose the person from the team's caseload");
	}

	private Optional<CaseloadEntry> caseloadEntry(Team team, @Nullable String entryId) {
		return id(entryId).flatMap(entries::findById).filter(e -> e.getTeamId().equals(team.getId()));
	}

	private Team team(Meeting meeting, StaffUser user, boolean editing) {
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		if (editing) {
			access.requireEditor(user, team);
		}
		else {
			access.requireMember(user, team);
		}
		return team;
	}

	private static Optional<UUID> id(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(text.trim()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}

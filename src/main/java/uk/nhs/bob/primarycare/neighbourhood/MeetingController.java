package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/** A team's MDT meetings: schedule one, open its agenda (built from the caseload), record decisions. Members only. */
@Controller
@RequestMapping("/neighbourhood")
class MeetingController {

	static final String VIEW_MINUTES = "neighbourhood/minutes";

	static final String VIEW_MEETINGS = "neighbourhood/meetings";

	static final String VIEW_MEETING = "neighbourhood/meeting";

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final MeetingRepository meetingRepository;

	private final CaseloadEntryRepository entries;

	private final Meetings meetings;

	private final TeamAccess access;

	private final Population population;

	private final StaffUsers staffUsers;

	MeetingController(TeamRepository teams, TeamMemberRepository members, MeetingRepository meetingRepository,
			CaseloadEntryRepository entries, Meetings meetings, TeamAccess access, Population population,
			StaffUsers staffUsers) {
		this.teams = teams;
		this.members = members;
		this.meetingRepository = meetingRepository;
		this.entries = entries;
		this.meetings = meetings;
		this.access = access;
		this.population = population;
		this.staffUsers = staffUsers;
	}

	/** Scheduling a meeting. */
	record MeetingForm(@Nullable String date, @Nullable String time, @Nullable String location) {
	}

	/** A decision: about whom, what, who owns it, by when. */
	record DecisionForm(@Nullable String entryId, @Nullable String decision, @Nullable String ownerMemberId,
			@Nullable String ownerOrganisation, @Nullable String dueDate) {
	}

	@GetMapping("/teams/{siteCode}/meetings")
	String meetings(@PathVariable String siteCode, Model model) {
		Team team = memberTeam(siteCode);
		model.addAttribute("form", new MeetingForm("", "13:00", ""));
		return showMeetings(team, model);
	}

	private String showMeetings(Team team, Model model) {
		model.addAttribute("team", team);
		model.addAttribute("meetings", meetingRepository.findByTeamIdOrderByStartsAtDesc(team.getId()));
		return VIEW_MEETINGS;
	}

	@PostMapping("/teams/{siteCode}/meetings")
	String schedule(@PathVariable String siteCode, @ModelAttribute("form") MeetingForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Team team = memberTeam(siteCode);
		access.requireEditor(staffUsers.currentUser(), team);
		Optional<LocalDate> date = PlanText.parse(form.date());
		if (TeamForms.blank(form.date())) {
			errors.rejectValue("date", "blank", "Enter the date of the meeting");
		}
		else if (date.isEmpty()) {
			errors.rejectValue("date", "invalid", "Date must be a real date, like 27/3/2027");
		}
		else if (date.get().isBefore(LocalDate.now())) {
			errors.rejectValue("date", "past", "Date must be today or in the future");
		}
		else if (date.get().isAfter(LocalDate.now().plusYears(1))) {
			errors.rejectValue("date", "far", "Date must be within a year, by "
					+ PlanText.date(LocalDate.now().plusYears(1)));
		}
		LocalTime time = null;
		try {
			time = TeamForms.blank(form.time()) ? null : LocalTime.parse(form.time().trim().length() == 4
					? "0" + form.time().trim() : form.time().trim());
		}
		catch (DateTimeParseException ex) {
			time = null;
		}
		if (time == null) {
			errors.rejectValue("time", "invalid", "Enter the start time in 24-hour clock, like 13:00");
		}
		if (TeamForms.blank(form.location())) {
			errors.rejectValue("location", "blank", "Enter where the meeting is, or the video call name");
		}
		else if (form.location().trim().length() > 150) {
			errors.rejectValue("location", "long", "Location must be 150 characters or fewer");
		}
		if (errors.hasErrors()) {
			return showMeetings(team, model);
		}
		Meeting meeting = meetingRepository.save(new Meeting(team.getId(),
				date.get().atTime(time).atZone(Meetings.UK).toInstant(), form.location().trim(),
				staffUsers.currentUser().username()));
		redirect.addFlashAttribute("saved", "Meeting scheduled. Its agenda is built from the caseload.");
		return "redirect:/neighbourhood/meetings/" + meeting.getId();
	}

	@GetMapping("/meetings/{meetingId}")
	String meeting(@PathVariable String meetingId, Model model) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		access.requireMember(staffUsers.currentUser(), team);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DecisionForm("", "", "", "", ""));
		}
		return showMeeting(team, meeting, model);
	}

	private String showMeeting(Team team, Meeting meeting, Model model) {
		Meetings.MeetingPeople shown = meetings.people(team, meeting, staffUsers.currentUser().username(),
				"/neighbourhood/meetings/" + meeting.getId());
		Map<String, String> memberOptions = new LinkedHashMap<>();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.forEach(m -> memberOptions.put(m.getId().toString(), m.describe()));
		model.addAttribute("team", team);
		model.addAttribute("meeting", meeting);
		model.addAttribute("agenda", shown.agenda());
		model.addAttribute("names", shown.names());
		model.addAttribute("people", shown.people());
		model.addAttribute("memberOptions", memberOptions);
		model.addAttribute("decisions", shown.decisions());
		model.addAttribute("started", meetings.started(meeting).orElse(null));
		model.addAttribute("attendees", meetings.attendees(meeting));
		model.addAttribute("notes", meetings.notes(meeting));
		model.addAttribute("allMembers", members.findByTeamIdOrderByName(team.getId()));
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm("", ""));
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DecisionForm("", "", "", "", ""));
		}
		return VIEW_MEETING;
	}

	@PostMapping("/meetings/{meetingId}/decisions")
	String decide(@PathVariable String meetingId, @ModelAttribute("form") DecisionForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		StaffUser user = staffUsers.currentUser();
		access.requireEditor(user, team);
		CaseloadEntry entry = null;
		try {
			entry = TeamForms.blank(form.entryId()) ? null
					: entries.findById(UUID.fromString(form.entryId()))
						.filter(e -> e.getTeamId().equals(team.getId()) && e.getStatus().open())
						.orElse(null);
		}
		catch (IllegalArgumentException ex) {
			entry = null;
		}
		if (entry == null) {
			errors.rejectValue("entryId", "blank", "Choose the person the decision is about");
		}
		if (TeamForms.blank(form.decision())) {
			errors.rejectValue("decision", "blank", "Enter the decision, as the action to take");
		}
		else if (form.decision().trim().length() > 500) {
			errors.rejectValue("decision", "long", "Decision must be 500 characters or fewer");
		}
		TeamMember owner = null;
		if (!TeamForms.blank(form.ownerMemberId())) {
			try {
				owner = members.findById(UUID.fromString(form.ownerMemberId()))
					.filter(m -> m.getTeamId().equals(team.getId()) && m.isActive())
					.orElse(null);
			}
			catch (IllegalArgumentException ex) {
				owner = null;
			}
			if (owner == null) {
				errors.rejectValue("ownerMemberId", "unknown", "Choose the owner from the team's members");
			}
		}
		String organisation = TeamForms.trimmed(form.ownerOrganisation());
		if (TeamForms.blank(form.ownerMemberId()) && organisation.isEmpty()) {
			errors.rejectValue("ownerMemberId", "blank", "Choose a member or type an organisation who owns the action");
		}
		else if (!TeamForms.blank(form.ownerMemberId()) && !organisation.isEmpty()) {
			errors.rejectValue("ownerOrganisation", "both", "The owner is a member or an organisation, not both");
		}
		else if (organisation.length() > 150) {
			errors.rejectValue("ownerOrganisation", "long", "Organisation must be 150 characters or fewer");
		}
		Optional<LocalDate> due = PlanText.parse(form.dueDate());
		if (TeamForms.blank(form.dueDate())) {
			errors.rejectValue("dueDate", "blank", "Enter the due date");
		}
		else if (due.isEmpty()) {
			errors.rejectValue("dueDate", "invalid", "Due date must be a real date, like 27/3/2027");
		}
		else {
			LocalDate meetingDate = meeting.getStartsAt().atZone(Meetings.UK).toLocalDate();
			if (due.get().isBefore(meetingDate)) {
				errors.rejectValue("dueDate", "early", "Due date must be on or after the meeting, "
						+ PlanText.date(meetingDate));
			}
			else if (due.get().isAfter(meetingDate.plusYears(PlanForm.REVIEW_YEARS_AHEAD))) {
				errors.rejectValue("dueDate", "far", "Due date must be within " + PlanForm.REVIEW_YEARS_AHEAD
						+ " years of the meeting");
			}
		}
		if (errors.hasErrors()) {
			return showMeeting(team, meeting, model);
		}
		boolean recorded;
		try {
			recorded = meetings.decide(meeting, entry, form.decision().trim(), owner == null ? null : owner.getId(),
					owner == null ? organisation : null, owner == null ? organisation : owner.describe(), due.get(),
					user.username());
		}
		catch (Caseload.PlanRuleBroken ex) {
			errors.reject("rule", ex.getMessage());
			return showMeeting(team, meeting, model);
		}
		redirect.addFlashAttribute("saved", recorded ? "Decision recorded and added to the care plan as an action"
				: "This decision was already recorded for this person at this meeting: nothing was added twice");
		return "redirect:/neighbourhood/meetings/" + meeting.getId() + "#decisions";
	}

	@PostMapping("/meetings/{meetingId}/start")
	String start(@PathVariable String meetingId, RedirectAttributes redirect) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		access.requireEditor(staffUsers.currentUser(), team);
		boolean started = meetings.start(team, meeting, staffUsers.currentUser().username());
		redirect.addFlashAttribute("saved", started ? "Meeting started: the agenda is frozen as it stands now"
				: "The meeting had already started: its agenda was frozen then");
		return "redirect:/neighbourhood/meetings/" + meeting.getId();
	}

	@PostMapping("/meetings/{meetingId}/attendance")
	String attendance(@PathVariable String meetingId,
			@RequestParam(name = "present", required = false) @Nullable List<String> present,
			RedirectAttributes redirect) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		access.requireEditor(staffUsers.currentUser(), team);
		java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
		java.util.Set<String> wanted = present == null ? java.util.Set.of() : new java.util.HashSet<>(present);
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> wanted.contains(m.getId().toString()))
			.forEach(m -> ids.add(m.getId()));
		if (ids.size() != wanted.size()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Attendance lists only the team's members");
		}
		meetings.attendance(meeting, ids, staffUsers.currentUser().username());
		redirect.addFlashAttribute("saved", "Attendance recorded: " + ids.size() + " present");
		return "redirect:/neighbourhood/meetings/" + meeting.getId() + "#attendance";
	}

	/** A discussion note about a person on the caseload. */
	record NoteForm(@NotBlank(message = "Choose the person the note is about") @Nullable String noteEntryId,
			@NotBlank(message = "Enter the note of the discussion") @Size(max = 4000,
					message = "Note must be 4000 characters or fewer") @Nullable String note) {
	}

	@PostMapping("/meetings/{meetingId}/notes")
	String note(@PathVariable String meetingId, @Valid @ModelAttribute("noteForm") NoteForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		access.requireEditor(staffUsers.currentUser(), team);
		CaseloadEntry entry = null;
		if (!errors.hasFieldErrors("noteEntryId")) {
			try {
				entry = entries.findById(UUID.fromString(form.noteEntryId()))
					.filter(e -> e.getTeamId().equals(team.getId()))
					.orElse(null);
			}
			catch (IllegalArgumentException ex) {
				entry = null;
			}
			if (entry == null) {
				errors.rejectValue("noteEntryId", "unknown", "Choose the person from the team's caseload");
			}
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showMeeting(team, meeting, model);
		}
		meetings.note(meeting, entry, form.note().trim(), staffUsers.currentUser().username());
		redirect.addFlashAttribute("saved", "Note recorded");
		return "redirect:/neighbourhood/meetings/" + meeting.getId() + "#notes";
	}

	@GetMapping("/meetings/{meetingId}/minutes")
	String minutes(@PathVariable String meetingId, Model model) {
		Meeting meeting = meeting(meetingId);
		Team team = teams.findById(meeting.getTeamId()).orElseThrow();
		access.requireMember(staffUsers.currentUser(), team);
		showMeeting(team, meeting, model);
		return VIEW_MINUTES;
	}

	private Meeting meeting(String id) {
		return meetingRepository.findById(CaseloadController.parseId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Team memberTeam(String siteCode) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		access.requireMember(staffUsers.currentUser(), team);
		return team;
	}

}

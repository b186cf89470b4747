package uk.nhs.bob.primarycare.neighbourhood.meetings;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.DecisionForm;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.MeetingForm;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingForms.NoteForm;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.support.PathIds;

/**
 * A team's MDT meetings: schedule one, open its agenda (built from the caseload), record attendance, notes and
 * decisions, and read the minutes. Members only, through {@link MdtMeetings}.
 */
@Controller
@RequestMapping("/neighbourhood")
class MeetingController implements NeighbourhoodPage {

	static final String VIEW_MINUTES = "neighbourhood/minutes";

	static final String VIEW_MEETINGS = "neighbourhood/meetings";

	static final String VIEW_MEETING = "neighbourhood/meeting";

	private final MdtMeetings mdt;

	private final StaffUsers staffUsers;

	MeetingController(MdtMeetings mdt, StaffUsers staffUsers) {
		this.mdt = mdt;
		this.staffUsers = staffUsers;
	}

	@GetMapping("/teams/{siteCode}/meetings")
	String meetings(@PathVariable String siteCode, Model model) {
		model.addAttribute("form", new MeetingForm("", "13:00", ""));
		return meetingList(mdt.list(siteCode, staffUsers.currentUser(), false), model);
	}

	private String meetingList(MdtMeetings.MeetingList list, Model model) {
		model.addAttribute("team", list.team());
		model.addAttribute("meetings", list.meetings());
		return VIEW_MEETINGS;
	}

	@PostMapping("/teams/{siteCode}/meetings")
	String schedule(@PathVariable String siteCode, @Valid @ModelAttribute("form") MeetingForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return meetingList(mdt.list(siteCode, staffUsers.currentUser(), true), model);
		}
		Meeting meeting = mdt.schedule(siteCode, form, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", "Meeting scheduled. Its agenda is built from the caseload.");
		return "redirect:/neighbourhood/meetings/" + meeting.getId();
	}

	@GetMapping("/meetings/{meetingId}")
	String meeting(@PathVariable String meetingId, Model model) {
		return meetingPage(mdt.page(PathIds.uuid(meetingId), staffUsers.currentUser(), false), model);
	}

	private String meetingPage(MdtMeetings.MeetingPage page, Model model) {
		model.addAttribute("team", page.team());
		model.addAttribute("meeting", page.meeting());
		model.addAttribute("agenda", page.people().agenda());
		model.addAttribute("names", page.people().names());
		model.addAttribute("people", page.people().people());
		model.addAttribute("memberOptions", NeighbourhoodOptions.members(page.activeMembers()));
		model.addAttribute("decisions", page.people().decisions());
		model.addAttribute("started", page.started().orElse(null));
		model.addAttribute("attendees", page.attendees());
		model.addAttribute("notes", page.notes());
		model.addAttribute("allMembers", page.allMembers());
		if (!model.containsAttribute("noteForm")) {
			model.addAttribute("noteForm", new NoteForm("", ""));
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DecisionForm.empty());
		}
		return VIEW_MEETING;
	}

	@PostMapping("/meetings/{meetingId}/decisions")
	String decide(@PathVariable String meetingId, @Valid @ModelAttribute("form") DecisionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		UUID id = PathIds.uuid(meetingId);
		if (!errors.hasErrors()) {
			try {
				boolean recorded = mdt.decide(id, form, staffUsers.currentUser());
				redirect.addFlashAttribute("saved", recorded
						? "Decision recorded and added to the care plan as an action"
						: "This decision was already recorded for this person at this meeting: nothing was added twice");
				return "redirect:/neighbourhood/meetings/" + id + "#decisions";
			}
			catch (FieldRefused ex) {
				ex.into(errors);
			}
			catch (Caseload.PlanRuleBroken ex) {
				errors.reject("rule", ex.getMessage());
			}
			return meetingPage(mdt.page(id, staffUsers.currentUser(), true), model);
		}
		MdtMeetings.Failed failed = mdt.decisionFailed(id, form, staffUsers.currentUser());
		failed.problems().into(errors);
		return meetingPage(failed.page(), model);
	}

	@PostMapping("/meetings/{meetingId}/start")
	String start(@PathVariable String meetingId, RedirectAttributes redirect) {
		UUID id = PathIds.uuid(meetingId);
		boolean started = mdt.start(id, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", started ? "Meeting started: the agenda is frozen as it stands now"
				: "The meeting had already started: its agenda was frozen then");
		return "redirect:/neighbourhood/meetings/" + id;
	}

	@PostMapping("/meetings/{meetingId}/attendance")
	String attendance(@PathVariable String meetingId,
			@RequestParam(name = "present", required = false) @Nullable List<String> present,
			RedirectAttributes redirect) {
		UUID id = PathIds.uuid(meetingId);
		OptionalInt recorded = mdt.attendance(id, present, staffUsers.currentUser());
		if (recorded.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Attendance lists only the team's members");
		}
		redirect.addFlashAttribute("saved", "Attendance recorded: " + recorded.getAsInt() + " present");
		return "redirect:/neighbourhood/meetings/" + id + "#attendance";
	}

	@PostMapping("/meetings/{meetingId}/notes")
	String note(@PathVariable String meetingId, @Valid @ModelAttribute("noteForm") NoteForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UUID id = PathIds.uuid(meetingId);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		if (!errors.hasErrors()) {
			try {
				mdt.note(id, form, staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Note recorded");
				return "redirect:/neighbourhood/meetings/" + id + "#notes";
			}
			catch (FieldRefused ex) {
				ex.into(errors);
				return meetingPage(mdt.page(id, staffUsers.currentUser(), true), model);
			}
		}
		MdtMeetings.Failed failed = mdt.noteFailed(id, form, staffUsers.currentUser());
		failed.problems().into(errors);
		return meetingPage(failed.page(), model);
	}

	@GetMapping("/meetings/{meetingId}/minutes")
	String minutes(@PathVariable String meetingId, Model model) {
		meetingPage(mdt.page(PathIds.uuid(meetingId), staffUsers.currentUser(), false), model);
		return VIEW_MINUTES;
	}

}

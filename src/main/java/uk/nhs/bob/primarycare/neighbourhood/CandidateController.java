package uk.nhs.bob.primarycare.neighbourhood;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Pagination;

/**
 * The team's ranked candidates and the decision on each: add to the caseload with a reason, or dismiss with a reason
 * (the person comes back when their qualifying data change). Members of the team only.
 */
@Controller
@RequestMapping("/neighbourhood/teams/{siteCode}/candidates")
class CandidateController {

	static final String VIEW_LIST = "neighbourhood/candidates";

	static final String VIEW_DECISION = "neighbourhood/candidate";

	static final int PAGE_SIZE = 25;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final TeamAccess access;

	private final Candidates candidates;

	private final Caseload caseload;

	private final Population population;

	private final StaffUsers staffUsers;

	CandidateController(TeamRepository teams, TeamMemberRepository members, TeamAccess access, Candidates candidates,
			Caseload caseload, Population population, StaffUsers staffUsers) {
		this.teams = teams;
		this.members = members;
		this.access = access;
		this.candidates = candidates;
		this.caseload = caseload;
		this.population = population;
		this.staffUsers = staffUsers;
	}

	/** A row of the list: the candidate with their name. */
	record CandidateRow(Candidates.Candidate candidate, PersonSummary person) {
	}

	/** Adding a candidate. */
	record AddForm(@Nullable String reason, @Nullable String keyworkerId) {
	}

	/** Dismissing a candidate. */
	record DismissForm(@Nullable String dismissReason) {
	}

	@GetMapping
	String list(@PathVariable String siteCode, @RequestParam(required = false) @Nullable String page, Model model) {
		Team team = memberTeam(siteCode);
		List<Candidates.Candidate> all = candidates.candidates(team);
		Pagination pagination = Pagination.of(Pagination.pageNumber(page), all.size(), PAGE_SIZE,
				p -> "/neighbourhood/teams/" + siteCode + "/candidates?page=" + p);
		List<CandidateRow> rows = new ArrayList<>();
		for (Candidates.Shown shown : candidates.shown(pagination.itemsOf(all), staffUsers.currentUser().username(),
				"/neighbourhood/teams/" + siteCode + "/candidates")) {
			rows.add(new CandidateRow(shown.candidate(), shown.person()));
		}
		model.addAttribute("team", team);
		model.addAttribute("rows", rows);
		model.addAttribute("pagination", pagination);
		model.addAttribute("total", all.size());
		return VIEW_LIST;
	}

	@GetMapping("/{nhsNumber}")
	String decision(@PathVariable String siteCode, @PathVariable String nhsNumber, Model model) {
		Team team = memberTeam(siteCode);
		model.addAttribute("addForm", new AddForm("", ""));
		model.addAttribute("dismissForm", new DismissForm(""));
		return showDecision(team, nhsNumber, model);
	}

	private String showDecision(Team team, String nhsNumber, Model model) {
		StaffUser user = staffUsers.currentUser();
		Candidates.Candidate candidate = NhsNumber.parse(nhsNumber)
			.flatMap(n -> candidates.review(team, n.value(), user.username()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Not a candidate of this team (already added or dismissed?)"));
		model.addAttribute("team", team);
		model.addAttribute("candidate", candidate);
		model.addAttribute("person", population.find(new NhsNumber(candidate.nhsNumber())).orElseThrow());
		model.addAttribute("memberOptions", memberOptions(team));
		return VIEW_DECISION;
	}

	Map<String, String> memberOptions(Team team) {
		Map<String, String> options = new LinkedHashMap<>();
		members.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.filter(m -> m.getTeamRole() == TeamRole.KEYWORKER)
			.forEach(m -> options.put(m.getId().toString(), m.describe()));
		return options;
	}

	@PostMapping("/{nhsNumber}/add")
	String add(@PathVariable String siteCode, @PathVariable String nhsNumber, @ModelAttribute("addForm") AddForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Team team = memberTeam(siteCode);
		StaffUser user = staffUsers.currentUser();
		access.requireEditor(user, team);
		UUID keyworker = null;
		if (TeamForms.blank(form.reason())) {
			errors.rejectValue("reason", "blank", "Enter why the person is being added to the caseload");
		}
		else if (form.reason().trim().length() > 500) {
			errors.rejectValue("reason", "long", "Reason must be 500 characters or fewer");
		}
		if (TeamForms.blank(form.keyworkerId())) {
			errors.rejectValue("keyworkerId", "blank", "Choose the keyworker");
		}
		else {
			keyworker = member(team, form.keyworkerId());
			if (keyworker == null) {
				errors.rejectValue("keyworkerId", "unknown", "Choose a keyworker from the team's keyworkers");
			}
		}
		if (errors.hasErrors()) {
			model.addAttribute("dismissForm", new DismissForm(""));
			return showDecision(team, nhsNumber, model);
		}
		Candidates.Candidate candidate = NhsNumber.parse(nhsNumber)
			.flatMap(n -> candidates.profile(team, n.value()).map(p -> p))
			.map(profile -> new Candidates.Candidate(profile, List.of(), List.of()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			CaseloadEntry entry = caseload.add(team, new NhsNumber(candidate.nhsNumber()),
					candidate.profile().practiceCode(), form.reason().trim(), keyworker, user.username());
			redirect.addFlashAttribute("saved", "Added to the caseload. Write their care plan when you have assessed them.");
			return "redirect:/neighbourhood/care-plans/" + entry.getId();
		}
		catch (Caseload.AlreadyOnCaseload ex) {
			redirect.addFlashAttribute("saved", "This person is already on the caseload");
			return "redirect:/neighbourhood/teams/" + siteCode + "/caseload";
		}
	}

	@PostMapping("/{nhsNumber}/dismiss")
	String dismiss(@PathVariable String siteCode, @PathVariable String nhsNumber,
			@ModelAttribute("dismissForm") DismissForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Team team = memberTeam(siteCode);
		StaffUser user = staffUsers.currentUser();
		access.requireEditor(user, team);
		if (TeamForms.blank(form.dismissReason())) {
			errors.rejectValue("dismissReason", "blank", "Enter why the person does not need the team now");
		}
		else if (form.dismissReason().trim().length() > 500) {
			errors.rejectValue("dismissReason", "long", "Reason must be 500 characters or fewer");
		}
		if (errors.hasErrors()) {
			model.addAttribute("addForm", new AddForm("", ""));
			return showDecision(team, nhsNumber, model);
		}
		Optional<Candidates.Profile> profile = NhsNumber.parse(nhsNumber)
			.flatMap(n -> candidates.profile(team, n.value()));
		if (profile.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		candidates.dismiss(team, profile.get(), form.dismissReason().trim(), user.username());
		redirect.addFlashAttribute("saved", "Dismissed. They will be a candidate again only if their record changes.");
		return "redirect:/neighbourhood/teams/" + siteCode + "/candidates";
	}

	private @Nullable UUID member(Team team, String id) {
		try {
			UUID uuid = UUID.fromString(id);
			return members.findById(uuid)
				.filter(m -> m.getTeamId().equals(team.getId()) && m.isActive() && m.getTeamRole() == TeamRole.KEYWORKER)
				.map(TeamMember::getId)
				.orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Team memberTeam(String siteCode) {
		Team team = teams.findBySiteCode(siteCode).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		access.requireMember(staffUsers.currentUser(), team);
		return team;
	}

}

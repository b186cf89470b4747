package uk.nhs.bob.primarycare.neighbourhood.teams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.support.FieldRefused;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodOptions;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.MemberForm;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamForms.TeamForm;

/**
 * The teams overview, a team's page (members, cohort definitions, caseload counts), setting teams up and keeping
 * their members, through {@link Teams}. Cohort definitions are {@code CohortDefinitionController}'s.
 */
@Controller
@RequestMapping("/neighbourhood")
class TeamController implements NeighbourhoodPage {

	static final String VIEW_OVERVIEW = "neighbourhood/overview";

	static final String VIEW_TEAM = "neighbourhood/team";

	static final String VIEW_TEAM_FORM = "neighbourhood/team-form";

	private final Teams teams;

	private final StaffUsers staffUsers;

	TeamController(Teams teams, StaffUsers staffUsers) {
		this.teams = teams;
		this.staffUsers = staffUsers;
	}

	@GetMapping
	String overview(Model model) {
		StaffUser user = staffUsers.currentUser();
		Teams.Overview overview = teams.overview(user);
		if (overview.ownTeam().isPresent()) {
			return "redirect:/neighbourhood/teams/" + overview.ownTeam().get();
		}
		model.addAttribute("rows", overview.rows());
		model.addAttribute("user", user);
		return VIEW_OVERVIEW;
	}

	@GetMapping("/teams/new")
	String newTeam(@ModelAttribute("form") TeamForm form, Model model) {
		return teamForm(model);
	}

	@PostMapping("/teams")
	String createTeam(@Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Team team = teams.create(form, staffUsers.currentUser());
				redirect.addFlashAttribute("saved", "Team set up: " + team.getName() + ". Add its members next.");
				return "redirect:/neighbourhood/teams/" + team.getSiteCode();
			}
			catch (FieldRefused ex) {
				ex.into(errors);
			}
		}
		return teamForm(model);
	}

	private String teamForm(Model model) {
		Map<String, String> sites = new LinkedHashMap<>();
		teams.sitesToSetUp(staffUsers.currentUser())
			.forEach(s -> sites.put(s.code(), s.name() + " (" + s.placeName() + ")"));
		model.addAttribute("siteOptions", sites);
		return VIEW_TEAM_FORM;
	}

	@GetMapping("/teams/{siteCode}")
	String team(@PathVariable String siteCode, Model model) {
		if (!model.containsAttribute("memberForm")) {
			model.addAttribute("memberForm", MemberForm.empty());
		}
		return teamPage(teams.page(siteCode, staffUsers.currentUser()), model);
	}

	private String teamPage(Teams.TeamPage page, Model model) {
		model.addAttribute("team", page.team());
		model.addAttribute("site", page.site());
		model.addAttribute("members", page.members());
		model.addAttribute("awaiting", page.awaiting());
		model.addAttribute("roles", NeighbourhoodOptions.of(TeamRole.values(), TeamRole::label));
		if (page.canManage()) {
			model.addAttribute("staffOptions", page.staffOptions());
			Map<String, String> organisations = new LinkedHashMap<>();
			page.organisations().forEach((code, name) -> organisations.put(code, name + " (ODS " + code + ")"));
			model.addAttribute("organisationOptions", organisations);
		}
		model.addAttribute("definitions", page.definitions());
		model.addAttribute("isMember", page.isMember());
		model.addAttribute("canManage", page.canManage());
		model.addAttribute("canConfigure", page.canConfigure());
		model.addAttribute("disciplines", NeighbourhoodOptions.of(Discipline.values(), Discipline::label));
		model.addAttribute("counts", page.counts());
		model.addAttribute("statuses", CaseloadStatus.values());
		model.addAttribute("lastCount", page.lastCount());
		return VIEW_TEAM;
	}

	@PostMapping("/teams/{siteCode}/members")
	String addMember(@PathVariable String siteCode, @Valid @ModelAttribute("memberForm") MemberForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		Teams.TeamPage page;
		if (!errors.hasErrors()) {
			try {
				TeamMember added = teams.addMember(siteCode, form, user);
				redirect.addFlashAttribute("saved", "Member added: " + added.getName()
						+ (form.invite() ? ". Their account waits for an ICB administrator to complete "
								+ "it before they can sign in." : ""));
				return "redirect:/neighbourhood/teams/" + siteCode + "#members";
			}
			catch (FieldRefused ex) {
				ex.into(errors);
			}
			page = teams.page(siteCode, user);
		}
		else {
			Teams.MemberFormPage failed = teams.memberFormFailed(siteCode, form, user);
			failed.problems().into(errors);
			page = failed.page();
		}
		model.addAttribute("memberErrors", true);
		return teamPage(page, model);
	}

	@PostMapping("/teams/{siteCode}/members/{memberId}/remove")
	String removeMember(@PathVariable String siteCode, @PathVariable UUID memberId, RedirectAttributes redirect) {
		TeamMember member = teams.removeMember(siteCode, memberId, staffUsers.currentUser());
		redirect.addFlashAttribute("saved", member.getName() + " has left the team (their past actions keep their name)");
		return "redirect:/neighbourhood/teams/" + siteCode + "#members";
	}

}

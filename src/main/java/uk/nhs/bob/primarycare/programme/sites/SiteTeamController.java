package uk.nhs.bob.primarycare.programme.sites;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ReasonForm;

/** A site's local action team (shared by its workstreams): leadership, and members with workstreams and contacts. */
@Controller
@RequestMapping("/programme/sites/{siteId}/team")
class SiteTeamController {

	static final String VIEW_TEAM = "programme/team-form";

	static final String VIEW_MEMBER = "programme/member-form";

	private final SiteTeams teams;

	private final ProgrammePages pages;

	SiteTeamController(SiteTeams teams, ProgrammePages pages) {
		this.teams = teams;
		this.pages = pages;
	}

	@GetMapping
	String team(@PathVariable long siteId, Model model) {
		model.addAttribute("form", TeamForm.of(pages.site(siteId)));
		model.addAttribute("memberForm", MemberForm.empty());
		return showTeam(siteId, model);
	}

	@PostMapping
	String save(@PathVariable long siteId, @Valid @ModelAttribute("form") TeamForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response,
				() -> teams.editTeam(siteId, form.version(), form.teamLead().strip(), form.clinicalLead().strip(),
						ProgrammePages.strip(form.footprintNote()), form.accountableBody().strip(),
						form.responsibleTeam().strip()))) {
			redirect.addFlashAttribute("saved", "Local action team saved");
			return "redirect:/programme/sites/" + siteId + "/team";
		}
		model.addAttribute("memberForm", MemberForm.empty());
		return showTeam(siteId, model);
	}

	@PostMapping("/members")
	String addMember(@PathVariable long siteId, @Valid @ModelAttribute("memberForm") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> teams.addMember(siteId, form.draft()))) {
			redirect.addFlashAttribute("saved", "Team member added: " + form.draft().name());
			return "redirect:/programme/sites/" + siteId + "/team";
		}
		model.addAttribute("form", TeamForm.of(pages.site(siteId)));
		return showTeam(siteId, model);
	}

	@GetMapping("/members/{memberId}")
	String member(@PathVariable long siteId, @PathVariable long memberId, Model model) {
		model.addAttribute("form", MemberForm.of(member(siteId, memberId)));
		model.addAttribute("removeForm", ReasonForm.of(member(siteId, memberId).version()));
		return showMember(siteId, memberId, model);
	}

	@PostMapping("/members/{memberId}")
	String saveMember(@PathVariable long siteId, @PathVariable long memberId,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") MemberForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		SiteTeams.Member member = member(siteId, memberId);
		if (ProgrammePages.change(result, model, response,
				() -> teams.editMember(siteId, memberId, form.version(), form.draft()))) {
			redirect.addFlashAttribute("saved", "Team member saved: " + form.draft().name());
			return "redirect:/programme/sites/" + siteId + "/team";
		}
		model.addAttribute("removeForm", ReasonForm.of(member.version()));
		return showMember(siteId, memberId, model);
	}

	@PostMapping("/members/{memberId}/remove")
	String removeMember(@PathVariable long siteId, @PathVariable long memberId,
			@Valid @ModelAttribute("removeForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		SiteTeams.Member member = member(siteId, memberId);
		if (ProgrammePages.change(result, model, response,
				() -> teams.removeMember(siteId, memberId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "Team member removed: " + member.name());
			return "redirect:/programme/sites/" + siteId + "/team";
		}
		model.addAttribute("form", MemberForm.of(member));
		return showMember(siteId, memberId, model);
	}

	private String showTeam(long siteId, Model model) {
		pages.editableSite(siteId, model);
		model.addAttribute("members", teams.members(siteId));
		options(model);
		return VIEW_TEAM;
	}

	private String showMember(long siteId, long memberId, Model model) {
		pages.editableSite(siteId, model);
		model.addAttribute("memberId", memberId);
		options(model);
		return VIEW_MEMBER;
	}

	private void options(Model model) {
		model.addAttribute("sectorOptions", ProgrammePages.options(Sector.values(),
				s -> (s.pillar() ? "Pillar: " : "Partner: ") + s.label()));
		model.addAttribute("workstreamOptions", pages.workstreamOptions());
	}

	private SiteTeams.Member member(long siteId, long memberId) {
		return teams.member(siteId, memberId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

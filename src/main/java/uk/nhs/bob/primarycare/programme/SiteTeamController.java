package uk.nhs.bob.primarycare.programme;

import java.util.LinkedHashSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A site's local action team (shared by its workstreams): leadership, and members with workstreams and contacts. */
@Controller
@RequestMapping("/programme/sites/{siteId}/team")
class SiteTeamController {

	static final String VIEW_TEAM = "programme/team-form";

	static final String VIEW_MEMBER = "programme/member-form";

	private final SiteTeams teams;

	private final ProgrammePages pages;

	private final ProgrammeAccess access;

	SiteTeamController(SiteTeams teams, ProgrammePages pages, ProgrammeAccess access) {
		this.teams = teams;
		this.pages = pages;
		this.access = access;
	}

	@GetMapping
	String team(@PathVariable long siteId, Model model) {
		ProgrammeSite site = editable(siteId, model);
		model.addAttribute("form", TeamForm.of(site));
		model.addAttribute("memberForm", MemberForm.empty());
		return showTeam(site, model);
	}

	@PostMapping
	String save(@PathVariable long siteId, @Valid @ModelAttribute("form") TeamForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = editable(siteId, model);
		model.addAttribute("memberForm", MemberForm.empty());
		if (!result.hasErrors()) {
			try {
				teams.editTeam(siteId, form.version(), form.teamLead().strip(), form.clinicalLead().strip(),
						ProgrammePages.strip(form.footprintNote()), form.accountableBody().strip(),
						form.responsibleTeam().strip());
				redirect.addFlashAttribute("saved", "Local action team saved");
				return "redirect:/programme/sites/" + siteId + "/team";
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", form.withVersion(pages.site(siteId).version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showTeam(site, model);
	}

	@PostMapping("/members")
	String addMember(@PathVariable long siteId, @Valid @ModelAttribute("memberForm") MemberForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		ProgrammeSite site = editable(siteId, model);
		if (!result.hasErrors()) {
			try {
				SiteTeams.Member member = teams.addMember(siteId, draft(form));
				redirect.addFlashAttribute("saved", "Team member added: " + member.name());
				return "redirect:/programme/sites/" + siteId + "/team";
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		model.addAttribute("form", TeamForm.of(site));
		return showTeam(site, model);
	}

	@GetMapping("/members/{memberId}")
	String member(@PathVariable long siteId, @PathVariable long memberId, Model model) {
		editable(siteId, model);
		model.addAttribute("form", MemberForm.of(member(siteId, memberId)));
		model.addAttribute("removeForm", ReasonForm.of(member(siteId, memberId).version()));
		return showMember(siteId, memberId, model);
	}

	@PostMapping("/members/{memberId}")
	String saveMember(@PathVariable long siteId, @PathVariable long memberId,
			@Valid @ModelAttribute("form") MemberForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		editable(siteId, model);
		SiteTeams.Member member = member(siteId, memberId);
		model.addAttribute("removeForm", ReasonForm.of(member.version()));
		if (form.version() == null) {
			result.rejectValue("version", "required",
					"This form is out of date or incomplete: open the page again and make your change");
		}
		if (!result.hasErrors()) {
			try {
				teams.editMember(siteId, memberId, form.version(), draft(form));
				redirect.addFlashAttribute("saved", "Team member saved: " + form.name().strip());
				return "redirect:/programme/sites/" + siteId + "/team";
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", form.withVersion(member.version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showMember(siteId, memberId, model);
	}

	@PostMapping("/members/{memberId}/remove")
	String removeMember(@PathVariable long siteId, @PathVariable long memberId,
			@Valid @ModelAttribute("removeForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		editable(siteId, model);
		SiteTeams.Member member = member(siteId, memberId);
		if (!result.hasErrors()) {
			try {
				teams.removeMember(siteId, memberId, form.version(), form.reason().strip());
				redirect.addFlashAttribute("saved", "Team member removed: " + member.name());
				return "redirect:/programme/sites/" + siteId + "/team";
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		model.addAttribute("form", MemberForm.of(member));
		return showMember(siteId, memberId, model);
	}

	private String showTeam(ProgrammeSite site, Model model) {
		model.addAttribute("members", teams.members(site.id()));
		return options(model);
	}

	private String showMember(long siteId, long memberId, Model model) {
		model.addAttribute("memberId", memberId);
		options(model);
		return VIEW_MEMBER;
	}

	private String options(Model model) {
		model.addAttribute("sectorOptions", ProgrammePages.options(Sector.values(),
				s -> (s.pillar() ? "Pillar: " : "Partner: ") + s.label()));
		model.addAttribute("workstreamOptions", pages.workstreamOptions());
		return VIEW_TEAM;
	}

	private static SiteTeams.MemberDraft draft(MemberForm form) {
		return new SiteTeams.MemberDraft(form.name().strip(), form.jobRole().strip(), form.organisation().strip(),
				form.sector(), ProgrammePages.strip(form.email()), ProgrammePages.strip(form.phone()),
				new LinkedHashSet<>(form.workstreams()));
	}

	private ProgrammeSite editable(long siteId, Model model) {
		ProgrammeSite site = pages.site(siteId);
		access.checkPlace(site.placeCode());
		model.addAttribute("siteId", site.id());
		model.addAttribute("siteName", site.name());
		model.addAttribute("placeName", pages.site(siteId).placeCode());
		return site;
	}

	private SiteTeams.Member member(long siteId, long memberId) {
		return teams.member(siteId, memberId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

package uk.nhs.bob.primarycare.programme.portfolio;

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

/** A site's milestones and its log of risks and issues, each with a RAG status: adding, changing, closing. */
@Controller
@RequestMapping("/programme/sites/{siteId}")
class SitePortfolioController {

	static final String VIEW_MILESTONE = "programme/milestone-form";

	static final String VIEW_RISK = "programme/risk-form";

	private final Portfolio portfolio;

	private final ProgrammePages pages;

	SitePortfolioController(Portfolio portfolio, ProgrammePages pages) {
		this.portfolio = portfolio;
		this.pages = pages;
	}

	// --- milestones -------------------------------------------------------------------------------------------

	@GetMapping("/milestones/new")
	String newMilestone(@PathVariable long siteId, Model model) {
		model.addAttribute("form", MilestoneForm.empty());
		return showMilestone(siteId, null, model);
	}

	@PostMapping("/milestones")
	String addMilestone(@PathVariable long siteId, @Valid @ModelAttribute("form") MilestoneForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> portfolio.addMilestone(siteId, form.draft()))) {
			redirect.addFlashAttribute("saved", "Milestone added: " + form.draft().title());
			return "redirect:/programme/sites/" + siteId + "#milestones";
		}
		return showMilestone(siteId, null, model);
	}

	@GetMapping("/milestones/{milestoneId}")
	String milestone(@PathVariable long siteId, @PathVariable long milestoneId, Model model) {
		model.addAttribute("form", MilestoneForm.of(milestone(siteId, milestoneId)));
		return showMilestone(siteId, milestoneId, model);
	}

	@PostMapping("/milestones/{milestoneId}")
	String saveMilestone(@PathVariable long siteId, @PathVariable long milestoneId,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") MilestoneForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		milestone(siteId, milestoneId);
		if (ProgrammePages.change(result, model, response,
				() -> portfolio.editMilestone(siteId, milestoneId, form.version(), form.draft()))) {
			redirect.addFlashAttribute("saved", "Milestone saved: " + form.draft().title());
			return "redirect:/programme/sites/" + siteId + "#milestones";
		}
		return showMilestone(siteId, milestoneId, model);
	}

	@GetMapping("/milestones/{milestoneId}/cancel")
	String cancelMilestoneForm(@PathVariable long siteId, @PathVariable long milestoneId, Model model) {
		model.addAttribute("form", ReasonForm.of(milestone(siteId, milestoneId).version()));
		return showCancel(siteId, milestoneId, model);
	}

	@PostMapping("/milestones/{milestoneId}/cancel")
	String cancelMilestone(@PathVariable long siteId, @PathVariable long milestoneId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Portfolio.Milestone milestone = milestone(siteId, milestoneId);
		if (ProgrammePages.change(result, model, response,
				() -> portfolio.cancelMilestone(siteId, milestoneId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "Milestone cancelled: " + milestone.title());
			return "redirect:/programme/sites/" + siteId + "#milestones";
		}
		return showCancel(siteId, milestoneId, model);
	}

	// --- risks and issues -------------------------------------------------------------------------------------

	@GetMapping("/risks/new")
	String newRisk(@PathVariable long siteId, Model model) {
		model.addAttribute("form", RiskForm.empty());
		return showRisk(siteId, null, model);
	}

	@PostMapping("/risks")
	String addRisk(@PathVariable long siteId, @Valid @ModelAttribute("form") RiskForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> portfolio.addRisk(siteId, form.draft()))) {
			redirect.addFlashAttribute("saved", form.kind().label() + " raised: " + form.draft().title());
			return "redirect:/programme/sites/" + siteId + "#risks";
		}
		return showRisk(siteId, null, model);
	}

	@GetMapping("/risks/{riskId}")
	String risk(@PathVariable long siteId, @PathVariable long riskId, Model model) {
		model.addAttribute("form", RiskForm.of(risk(siteId, riskId)));
		return showRisk(siteId, riskId, model);
	}

	@PostMapping("/risks/{riskId}")
	String saveRisk(@PathVariable long siteId, @PathVariable long riskId,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") RiskForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		risk(siteId, riskId);
		if (ProgrammePages.change(result, model, response,
				() -> portfolio.editRisk(siteId, riskId, form.version(), form.draft()))) {
			redirect.addFlashAttribute("saved", form.kind().label() + " saved: " + form.draft().title());
			return "redirect:/programme/sites/" + siteId + "#risks";
		}
		return showRisk(siteId, riskId, model);
	}

	@GetMapping("/risks/{riskId}/close")
	String closeRiskForm(@PathVariable long siteId, @PathVariable long riskId, Model model) {
		model.addAttribute("form", ReasonForm.of(risk(siteId, riskId).version()));
		return showClose(siteId, riskId, model);
	}

	@PostMapping("/risks/{riskId}/close")
	String closeRisk(@PathVariable long siteId, @PathVariable long riskId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Portfolio.Risk risk = risk(siteId, riskId);
		if (ProgrammePages.change(result, model, response,
				() -> portfolio.closeRisk(siteId, riskId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", risk.kind().label() + " closed: " + risk.title());
			return "redirect:/programme/sites/" + siteId + "#risks";
		}
		return showClose(siteId, riskId, model);
	}

	// --- views ------------------------------------------------------------------------------------------------

	private String showMilestone(long siteId, @org.jspecify.annotations.Nullable Long milestoneId, Model model) {
		pages.editableSite(siteId, model);
		model.addAttribute("milestoneId", milestoneId);
		model.addAttribute("workstreamOptions", pages.siteWorkstreamOptions(siteId));
		model.addAttribute("ragOptions", ProgrammePages.options(Rag.values(), r -> r.label() + ": " + r.meaning()));
		return VIEW_MILESTONE;
	}

	private String showRisk(long siteId, @org.jspecify.annotations.Nullable Long riskId, Model model) {
		pages.editableSite(siteId, model);
		model.addAttribute("riskId", riskId);
		model.addAttribute("workstreamOptions", pages.siteWorkstreamOptions(siteId));
		model.addAttribute("ragOptions", ProgrammePages.options(Rag.values(), r -> r.label() + ": " + r.meaning()));
		model.addAttribute("kindOptions", ProgrammePages.options(Portfolio.RiskKind.values(), Portfolio.RiskKind::label));
		return VIEW_RISK;
	}

	private String showCancel(long siteId, long milestoneId, Model model) {
		pages.editableSite(siteId, model);
		Portfolio.Milestone milestone = milestone(siteId, milestoneId);
		String back = "/programme/sites/" + siteId + "#milestones";
		return pages.reasonPage(model, "Cancel the milestone: " + milestone.title(),
				"A cancelled milestone stays in the site's portfolio and history, marked cancelled with the reason.",
				"Cancel milestone", "/programme/sites/" + siteId + "/milestones/" + milestoneId + "/cancel", back);
	}

	private String showClose(long siteId, long riskId, Model model) {
		pages.editableSite(siteId, model);
		Portfolio.Risk risk = risk(siteId, riskId);
		String back = "/programme/sites/" + siteId + "#risks";
		return pages.reasonPage(model, "Close the " + risk.kind().label().toLowerCase(java.util.Locale.UK) + ": "
				+ risk.title(), "A closed entry stays in the log and the history, with the reason.",
				"Close " + risk.kind().label().toLowerCase(java.util.Locale.UK),
				"/programme/sites/" + siteId + "/risks/" + riskId + "/close", back);
	}

	private Portfolio.Milestone milestone(long siteId, long milestoneId) {
		return portfolio.milestone(siteId, milestoneId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Portfolio.Risk risk(long siteId, long riskId) {
		return portfolio.risk(siteId, riskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

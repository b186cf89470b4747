package uk.nhs.bob.primarycare.programme.sites;

import jakarta.servlet.http.HttpServletRequest;
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
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ReasonForm;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;

/**
 * A programme site's enrolments: enrolling into an open cohort with room, and withdrawing or transferring an
 * enrolment, each on its own form with a reason. Each handler binds its form (Bean Validation), makes one call to
 * {@link Programme} and picks the view.
 */
@Controller
@RequestMapping("/programme/sites")
class EnrolmentController {

	static final String VIEW_TRANSFER = "programme/transfer-form";

	private final Programme programme;

	private final ProgrammeAccess access;

	private final ProgrammePages pages;

	private final SitePage sitePage;

	private final ProgrammeCalendar calendar;

	EnrolmentController(Programme programme, ProgrammeAccess access, ProgrammePages pages, SitePage sitePage,
			ProgrammeCalendar calendar) {
		this.programme = programme;
		this.access = access;
		this.pages = pages;
		this.sitePage = sitePage;
		this.calendar = calendar;
	}

	@PostMapping("/{id}/enrolments")
	String enrol(@PathVariable long id, @Valid @ModelAttribute("enrolForm") EnrolForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		ProgrammeSite site = pages.site(id);
		Programme.EnrolmentRecord[] enrolled = new Programme.EnrolmentRecord[1];
		if (ProgrammePages.change(result, model, response,
				() -> enrolled[0] = programme.enrol(id, form.cohortId(), calendar.today()))) {
			Cohort cohort = programme.cohort(enrolled[0].cohortId()).orElseThrow();
			redirect.addFlashAttribute("saved", site.name() + " enrolled in " + programme.cohortName(cohort));
			return "redirect:/programme/sites/" + id;
		}
		access.checkPlace(site.placeCode());
		sitePage.fill(id, model, request, response);
		return SiteController.VIEW_SITE;
	}

	@GetMapping("/{id}/enrolments/{enrolmentId}/withdraw")
	String withdrawForm(@PathVariable long id, @PathVariable long enrolmentId, Model model) {
		model.addAttribute("form", ReasonForm.of(enrolment(id, enrolmentId).version()));
		return showWithdraw(id, enrolmentId, model);
	}

	@PostMapping("/{id}/enrolments/{enrolmentId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long enrolmentId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = pages.site(id);
		enrolment(id, enrolmentId);
		if (ProgrammePages.change(result, model, response,
				() -> programme.withdraw(id, enrolmentId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", site.name() + " withdrawn from the cohort");
			return "redirect:/programme/sites/" + id;
		}
		return showWithdraw(id, enrolmentId, model);
	}

	@GetMapping("/{id}/enrolments/{enrolmentId}/transfer")
	String transferForm(@PathVariable long id, @PathVariable long enrolmentId, Model model) {
		model.addAttribute("form", new TransferForm(null, "", enrolment(id, enrolmentId).version()));
		return showTransfer(id, enrolmentId, model);
	}

	@PostMapping("/{id}/enrolments/{enrolmentId}/transfer")
	String transfer(@PathVariable long id, @PathVariable long enrolmentId,
			@Valid @ModelAttribute("form") TransferForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ProgrammeSite site = pages.site(id);
		enrolment(id, enrolmentId);
		Programme.EnrolmentRecord[] moved = new Programme.EnrolmentRecord[1];
		if (ProgrammePages.change(result, model, response, () -> moved[0] = programme.transfer(id, enrolmentId,
				form.version(), form.toCohortId(), form.reason().strip()))) {
			Cohort cohort = programme.cohort(moved[0].cohortId()).orElseThrow();
			redirect.addFlashAttribute("saved", site.name() + " moved to " + programme.cohortName(cohort));
			return "redirect:/programme/sites/" + id;
		}
		return showTransfer(id, enrolmentId, model);
	}

	private String showWithdraw(long id, long enrolmentId, Model model) {
		pages.editableSite(id, model);
		Cohort cohort = programme.cohort(enrolment(id, enrolmentId).cohortId()).orElseThrow();
		return pages.reasonPage(model, "Withdraw from " + programme.cohortName(cohort),
				"The site's place in the cohort is freed; the enrolment stays in its history as withdrawn.", "Withdraw",
				"/programme/sites/" + id + "/enrolments/" + enrolmentId + "/withdraw", "/programme/sites/" + id);
	}

	private String showTransfer(long id, long enrolmentId, Model model) {
		ProgrammeSite site = pages.editableSite(id, model);
		Programme.EnrolmentRecord enrolment = enrolment(id, enrolmentId);
		Cohort cohort = programme.cohort(enrolment.cohortId()).orElseThrow();
		model.addAttribute("enrolmentId", enrolmentId);
		model.addAttribute("cohortName", programme.cohortName(cohort));
		model.addAttribute("transferOptions", sitePage.transferOptions(site, enrolment));
		return VIEW_TRANSFER;
	}

	private Programme.EnrolmentRecord enrolment(long siteId, long enrolmentId) {
		return programme.enrolment(enrolmentId)
			.filter(e -> e.siteId() == siteId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

package uk.nhs.bob.primarycare.cvd;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A person's CVD page ({@link CvdPersonCare}): QRISK3 with the record entries used, the findings, and the forms that
 * record outreach, a personalised care adjustment or a reading from a pharmacy, optometrist or home. A form that
 * fails its checks comes back on the page with what was typed; the others start empty.
 */
@Controller
class CvdPersonController {

	static final String VIEW_PERSON = "cvd/person";

	private final CvdPersonCare care;

	CvdPersonController(CvdPersonCare care) {
		this.care = care;
	}

	@GetMapping("/cvd/people/{nhsNumber}")
	String person(@PathVariable NhsNumber nhsNumber, Model model) {
		return show(nhsNumber, model);
	}

	@PostMapping("/cvd/people/{nhsNumber}/outreach")
	String recordOutreach(@PathVariable NhsNumber nhsNumber, @Valid @ModelAttribute("outreachForm") OutreachForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return show(nhsNumber, model);
		}
		redirect.addFlashAttribute("success", care.recordOutreach(nhsNumber, form));
		return "redirect:/cvd/people/" + nhsNumber.value();
	}

	@PostMapping("/cvd/people/{nhsNumber}/adjustments")
	String recordAdjustment(@PathVariable NhsNumber nhsNumber,
			@Valid @ModelAttribute("adjustmentForm") AdjustmentForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return show(nhsNumber, model);
		}
		redirect.addFlashAttribute("success", care.recordAdjustment(nhsNumber, form));
		return "redirect:/cvd/people/" + nhsNumber.value() + "#adjustments";
	}

	@PostMapping("/cvd/people/{nhsNumber}/adjustments/{id}/withdraw")
	String withdrawAdjustment(@PathVariable NhsNumber nhsNumber, @PathVariable String id,
			RedirectAttributes redirect) {
		if (care.withdrawAdjustment(nhsNumber, id)) {
			redirect.addFlashAttribute("success",
					"Personalised care adjustment withdrawn. The findings below are re-evaluated.");
		}
		else {
			redirect.addFlashAttribute("warning",
					"That adjustment was already withdrawn (perhaps by someone else): nothing changed.");
		}
		return "redirect:/cvd/people/" + nhsNumber.value() + "#adjustments";
	}

	@PostMapping("/cvd/people/{nhsNumber}/readings")
	String recordReading(@PathVariable NhsNumber nhsNumber, @Valid @ModelAttribute("readingForm") ReadingForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return show(nhsNumber, model);
		}
		redirect.addFlashAttribute("success", care.recordReading(nhsNumber, form));
		return "redirect:/cvd/people/" + nhsNumber.value();
	}

	/** The page, keeping a form (and its errors) already in the model and starting the others empty. */
	private String show(NhsNumber nhsNumber, Model model) {
		model.addAllAttributes(care.page(nhsNumber).model());
		if (!model.containsAttribute("outreachForm")) {
			model.addAttribute("outreachForm", OutreachForm.empty());
		}
		if (!model.containsAttribute("readingForm")) {
			model.addAttribute("readingForm", ReadingForm.empty());
		}
		if (!model.containsAttribute("adjustmentForm")) {
			model.addAttribute("adjustmentForm", AdjustmentForm.empty());
		}
		return VIEW_PERSON;
	}

}

package uk.nhs.bob.primarycare.cvd;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The QRISK3-2017 calculator for clinicians: any inputs, no record read. Bad input re-renders the form with the
 * NHS.UK error summary, keeping what was typed ({@link CalculatorForm} says what is checked).
 */
@Controller
class CalculatorController {

	static final String VIEW = "cvd/calculator";

	@GetMapping("/cvd/calculator")
	String form(Model model) {
		model.addAttribute("form", CalculatorForm.empty());
		return show(model);
	}

	@PostMapping("/cvd/calculator")
	String calculate(@Valid @ModelAttribute("form") CalculatorForm form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			model.addAttribute("score", Qrisk3.score(form.inputs()));
		}
		return show(model);
	}

	private static String show(Model model) {
		model.addAllAttributes(CalculatorForm.options());
		model.addAttribute("conditions", CalculatorForm.CONDITIONS);
		return VIEW;
	}

}

package uk.nhs.bob.primarycare.neighbourhood.frailty;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;

/**
 * The frailty register in aggregate: how many people aged 65 and over are fit, mildly, moderately and severely frail
 * in each neighbourhood site of the user's scope (counts only), when it was last computed and with which rules; ICB
 * administrators can recompute it now.
 */
@Controller
@RequestMapping("/neighbourhood/frailty")
@PreAuthorize("hasAnyRole('ICB_ADMIN','PLACE_DELIVERY','CLINICAL_SUPERVISOR')")
class FrailtyController implements NeighbourhoodPage {

	static final String VIEW = "neighbourhood/frailty";

	private final FrailtyRegister register;

	private final FrailtyOverview overview;

	private final StaffUsers staffUsers;

	FrailtyController(FrailtyRegister register, FrailtyOverview overview, StaffUsers staffUsers) {
		this.register = register;
		this.overview = overview;
		this.staffUsers = staffUsers;
	}

	@GetMapping
	String register(Model model) {
		model.addAttribute("rows", overview.counts(staffUsers.currentUser()));
		model.addAttribute("categories", FrailtyCategory.values());
		model.addAttribute("last", register.lastRefresh().orElse(null));
		model.addAttribute("running", register.running());
		model.addAttribute("ruleVersion", register.ruleVersion());
		if (register.running()) {
			model.addAttribute("refreshSeconds", 5);
		}
		return VIEW;
	}

	@PostMapping("/refresh")
	@PreAuthorize("hasRole('ICB_ADMIN')")
	String refresh(RedirectAttributes redirect) {
		if (!overview.refreshInBackground(staffUsers.currentUser().username())) {
			redirect.addFlashAttribute("saved", "The frailty register is already being recomputed");
			return "redirect:/neighbourhood/frailty";
		}
		redirect.addFlashAttribute("saved", "Recomputing the frailty register: this page updates itself");
		return "redirect:/neighbourhood/frailty";
	}

}

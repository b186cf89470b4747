package uk.nhs.bob.primarycare.triage;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.NhsNumber;

/**
 * A care coordinator records a request for a caller or walk-in: find the person (NHS number, or name and date of
 * birth) among the people registered in their scope, or record someone not registered at the hub they choose.
 */
@Controller
@RequestMapping("/triage/requests")
class TriageIntakeController {

	static final String VIEW_FIND = "triage/find-person";

	static final String VIEW_FORM = "triage/request-form";

	private final TriageIntake intake;

	private final StaffUsers staffUsers;

	private final TriageOptions options;

	TriageIntakeController(TriageIntake intake, StaffUsers staffUsers, TriageOptions options) {
		this.intake = intake;
		this.staffUsers = staffUsers;
		this.options = options;
	}

	@GetMapping("/new")
	String find(@ModelAttribute("form") PersonLookupForm form, BindingResult errors,
			@RequestParam(name = "search", required = false) @Nullable String search, Model model) {
		if (search == null) {
			return VIEW_FIND;
		}
		var found = intake.find(form, errors, staffUsers.currentUser());
		if (!errors.hasErrors()) {
			model.addAttribute("searched", true);
			model.addAttribute("results", found);
		}
		return VIEW_FIND;
	}

	@GetMapping("/new/person/{nhsNumber}")
	String formForPerson(@PathVariable("nhsNumber") NhsNumber number, Model model) {
		Optional<TriagePeople.PersonInScope> found = intake.person(number, staffUsers.currentUser());
		if (found.isEmpty()) {
			model.addAttribute("form", new PersonLookupForm(number.value(), null, null, null, null));
			model.addAttribute("notInScope", true);
			return VIEW_FIND;
		}
		show(found.get(), model);
		model.addAttribute("form", RequestForm.empty(UUID.randomUUID().toString(), number.value(), null));
		return VIEW_FORM;
	}

	@GetMapping("/new/unregistered")
	String formForUnregistered(Model model) {
		model.addAttribute("form", intake.unregisteredForm(staffUsers.currentUser()));
		return VIEW_FORM;
	}

	@ModelAttribute
	void options(Model model) {
		model.addAttribute("problemOptions", options.problems());
		model.addAttribute("redFlagOptions", options.redFlags());
		staffUsers.current().ifPresent(user -> model.addAttribute("siteOptions", options.siteOptions(user)));
	}

	@PostMapping
	String record(@ModelAttribute("form") RequestForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		TriageIntake.Outcome outcome = intake.record(form, errors, staffUsers.currentUser());
		if (outcome.recorded() != null) {
			return outcome.recorded().redirectWith(redirect);
		}
		if (outcome.person() != null) {
			show(outcome.person(), model);
		}
		return VIEW_FORM;
	}

	private static void show(TriagePeople.PersonInScope found, Model model) {
		model.addAttribute("person", found.person());
		model.addAttribute("practice", found.practice());
	}

}

package uk.nhs.bob.primarycare.triage;

import java.util.UUID;

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

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * The public online request form (no sign-in): red-flag questions first, for the person or someone they care for.
 * Red flags never block the request; they escalate it and the confirmation says what to do now. The one-time form
 * token makes a double click or a resend one request.
 */
@Controller
@RequestMapping("/request")
class PublicRequestController {

	static final String VIEW_FORM = "triage/public-request";

	static final String VIEW_SENT = "triage/public-request-sent";

	/** The practice choice for someone not registered with a BOB practice: they choose the nearest area instead. */
	static final String NOT_REGISTERED = "NONE";

	private final TriageRequests requests;

	private final TriageOptions options;

	private final Directory directory;

	PublicRequestController(TriageRequests requests, TriageOptions options, Directory directory) {
		this.requests = requests;
		this.options = options;
		this.directory = directory;
	}

	@ModelAttribute
	void options(Model model) {
		model.addAttribute("problemOptions", options.problems());
		model.addAttribute("redFlagOptions", options.redFlags());
		java.util.Map<String, String> practices = new java.util.LinkedHashMap<>();
		practices.put(NOT_REGISTERED, "Not registered with a GP practice here, or I do not know");
		practices.putAll(options.practices());
		model.addAttribute("practiceOptions", practices);
		model.addAttribute("siteOptions", options.allSites());
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", RequestForm.empty(UUID.randomUUID().toString(), null, null));
		return VIEW_FORM;
	}

	@PostMapping
	String submit(@ModelAttribute("form") RequestForm form, BindingResult errors) {
		if (RequestFormCheck.blank(form.forWhom()) || !(form.forWhom().equals("self") || form.forWhom().equals("someone"))) {
			errors.rejectValue("forWhom", "forWhom.blank", "Choose who the request is for");
		}
		RequestDetails details = RequestFormCheck.details(form, errors, true);
		RequestedPerson person = RequestFormCheck.person(form, errors);
		String practiceCode = null;
		String siteCode = null;
		if (RequestFormCheck.blank(form.practiceCode())) {
			errors.rejectValue("practiceCode", "practiceCode.blank",
					"Choose the GP practice, or choose not registered");
		}
		else if (form.practiceCode().equals(NOT_REGISTERED)) {
			if (RequestFormCheck.blank(form.siteCode()) || directory.site(form.siteCode()).isEmpty()) {
				errors.rejectValue("siteCode", "siteCode.blank", "Choose the area nearest to where the person is");
			}
			else {
				siteCode = form.siteCode();
			}
		}
		else if (OdsCode.parse(form.practiceCode()).flatMap(directory::practice).isEmpty()) {
			errors.rejectValue("practiceCode", "practiceCode.unknown", "Choose the GP practice from the list");
		}
		else {
			practiceCode = form.practiceCode();
		}
		if (errors.hasErrors() || details == null || person == null) {
			return VIEW_FORM;
		}
		String token = RequestFormCheck.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken();
		TriageRequests.Recorded recorded = requests.record(new NewRequest(TriageRequest.Channel.ONLINE_FORM,
				"form:" + token, null, person, practiceCode, siteCode, details));
		return "redirect:/request/sent/" + recorded.reference();
	}

	@GetMapping("/sent/{reference}")
	String sent(@PathVariable String reference, Model model) {
		// the confirmation shows the reference and what to do now, never personal details
		TriageRequest request = requests.findByReference(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
		model.addAttribute("reference", request.reference());
		model.addAttribute("urgency", request.urgency());
		model.addAttribute("disposition", request.suggestedDisposition());
		return VIEW_SENT;
	}

}

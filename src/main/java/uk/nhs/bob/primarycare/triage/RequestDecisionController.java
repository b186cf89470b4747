package uk.nhs.bob.primarycare.triage;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * A coordinator's decision on a request they claimed, and a clinical supervisor's supervision. A refused form goes
 * back to the request page with what was typed; a request someone else changed meanwhile is shown as it is now, with
 * status 409.
 */
@Controller
class RequestDecisionController {

	private final RequestDecisions decisions;

	private final RequestPage page;

	private final StaffUsers staffUsers;

	RequestDecisionController(RequestDecisions decisions, RequestPage page, StaffUsers staffUsers) {
		this.decisions = decisions;
		this.page = page;
		this.staffUsers = staffUsers;
	}

	@PostMapping("/triage/requests/{id}/decision")
	String decide(@PathVariable String id, @ModelAttribute("form") DecisionForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID uuid = RequestIds.parse(id);
		StaffUser user = staffUsers.currentUser();
		return answer(decisions.decide(uuid, user, form, errors), uuid, user, form, model, response, redirect);
	}

	@PostMapping("/triage/requests/{id}/supervision")
	String supervise(@PathVariable String id, @ModelAttribute("form") DecisionForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID uuid = RequestIds.parse(id);
		StaffUser user = staffUsers.currentUser();
		return answer(decisions.supervise(uuid, user, form, errors), uuid, user, form, model, response, redirect);
	}

	private String answer(RequestDecisions.Outcome outcome, UUID id, StaffUser user, DecisionForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (outcome instanceof RequestDecisions.Outcome.Done done) {
			redirect.addFlashAttribute("message", done.message());
			return "redirect:" + done.redirect();
		}
		TriageRequest latest = page.open(id, user, TriageQueueController.PURPOSE, model);
		if (outcome instanceof RequestDecisions.Outcome.Conflict) {
			// shown as it is now, keeping what was typed
			DecisionForm kept = form.withVersion(latest.version());
			BindingResult conflict = new BeanPropertyBindingResult(kept, "form");
			conflict.reject("conflict", "Someone else changed this request while you were deciding. Check it as it "
					+ "is now, then submit again.");
			model.addAttribute("form", kept);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return TriageQueueController.VIEW_REQUEST;
	}

}

package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * What closes the loop on a request: settling an identity not verified, recording calls to the person, recording the
 * follow-up, and the worklist of follow-ups that are due. Each action answers on the request page; a problem is
 * explained there with what was typed kept.
 */
@Controller
class RequestActionsController {

	static final String VIEW_FOLLOW_UPS = "triage/follow-ups";

	private final RequestActions actions;

	private final FollowUpsPage followUpsPage;

	private final StaffUsers staffUsers;

	RequestActionsController(RequestActions actions, FollowUpsPage followUpsPage, StaffUsers staffUsers) {
		this.actions = actions;
		this.followUpsPage = followUpsPage;
		this.staffUsers = staffUsers;
	}

	@PostMapping("/triage/requests/{id}/identity/confirm")
	String confirm(@PathVariable String id, @ModelAttribute IdentityForm form, RedirectAttributes redirect) {
		return actions.confirmIdentity(RequestIds.parse(id), staffUsers.currentUser(), form).redirectWith(redirect);
	}

	@PostMapping("/triage/requests/{id}/identity/correct")
	String correct(@PathVariable String id, @ModelAttribute IdentityForm form, RedirectAttributes redirect) {
		return actions.correctIdentity(RequestIds.parse(id), staffUsers.currentUser(), form).redirectWith(redirect);
	}

	@PostMapping("/triage/requests/{id}/calls")
	String call(@PathVariable String id, @ModelAttribute CallForm form, RedirectAttributes redirect) {
		return actions.recordCall(RequestIds.parse(id), staffUsers.currentUser(), form).redirectWith(redirect);
	}

	@PostMapping("/triage/requests/{id}/follow-up")
	String followUp(@PathVariable String id, @ModelAttribute FollowUpForm form, RedirectAttributes redirect) {
		return actions.recordFollowUp(RequestIds.parse(id), staffUsers.currentUser(), form).redirectWith(redirect);
	}

	@GetMapping("/triage/follow-ups")
	String due(@RequestParam(name = "site", required = false) @Nullable String site, Model model) {
		followUpsPage.fill(staffUsers.currentUser(), site, model);
		return VIEW_FOLLOW_UPS;
	}

}

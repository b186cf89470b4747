package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUsers;

/** Claiming a request, releasing it back to the queue, and reassigning it to a colleague of the hub. */
@Controller
class RequestClaimController {

	private final RequestClaims claims;

	private final StaffUsers staffUsers;

	RequestClaimController(RequestClaims claims, StaffUsers staffUsers) {
		this.claims = claims;
		this.staffUsers = staffUsers;
	}

	@PostMapping("/triage/requests/{id}/claim")
	String claim(@PathVariable String id, RedirectAttributes redirect) {
		return claims.claim(RequestIds.parse(id), staffUsers.currentUser()).redirectWith(redirect);
	}

	@PostMapping("/triage/requests/{id}/release")
	String release(@PathVariable String id, RedirectAttributes redirect) {
		return claims.release(RequestIds.parse(id), staffUsers.currentUser()).redirectWith(redirect);
	}

	@PostMapping("/triage/requests/{id}/reassign")
	String reassign(@PathVariable String id, @RequestParam(name = "username", required = false) @Nullable String username,
			RedirectAttributes redirect) {
		return claims.reassign(RequestIds.parse(id), staffUsers.currentUser(), username).redirectWith(redirect);
	}

}

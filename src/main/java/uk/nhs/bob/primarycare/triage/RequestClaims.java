package uk.nhs.bob.primarycare.triage;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.Role;

/**
 * Who works a request: claiming it, releasing it back to the queue, and handing it to a colleague of the hub. Each
 * checks that the request is in the user's scope, and that only its holder or a supervisor lets it go.
 */
@Component
class RequestClaims {

	private final TriageRequests requests;

	private final StaffUsers staffUsers;

	RequestClaims(TriageRequests requests, StaffUsers staffUsers) {
		this.requests = requests;
		this.staffUsers = staffUsers;
	}

	/** Care coordinators and supervisors whose scope covers the request's hub, for the reassign pick list. */
	List<StaffUser> colleagues(TriageRequest request) {
		return staffUsers.withAnyRole(EnumSet.of(Role.CARE_COORDINATOR, Role.CLINICAL_SUPERVISOR))
			.stream()
			.filter(u -> u.scope().coversSite(request.siteCode(), request.placeCode()))
			.toList();
	}

	/** Claims the request for the user; when someone else got there first, says who. */
	@Transactional
	ActionAnswer claim(UUID id, StaffUser user) {
		TriageRequest request = requests.inScope(id, user);
		TriageRequests.ClaimResult result = requests.claim(request.id(), user.username());
		String page = "/triage/requests/" + request.id();
		if (result.claimed()) {
			return ActionAnswer.done(page, "You have claimed this request");
		}
		return ActionAnswer.problem(page, result.holder() == null ? "This request is already completed"
				: "This request has already been claimed by " + displayName(result.holder()));
	}

	@Transactional
	ActionAnswer release(UUID id, StaffUser user) {
		TriageRequest request = holdersOnly(id, user, "release");
		requests.release(request.id());
		return ActionAnswer.done("/triage?site=" + request.siteCode(), "Request released back to the queue");
	}

	/** Hands the request to a coordinator or supervisor of its hub, chosen from {@link #colleagues}. */
	@Transactional
	ActionAnswer reassign(UUID id, StaffUser user, @Nullable String username) {
		TriageRequest request = holdersOnly(id, user, "reassign");
		String target = username == null ? "" : username.trim();
		StaffUser colleague = colleagues(request).stream()
			.filter(u -> u.username().equals(target))
			.findFirst()
			.orElse(null);
		String page = "/triage/requests/" + request.id();
		if (colleague == null) {
			return ActionAnswer.problem(page, "Choose a care coordinator or supervisor of this hub from the list");
		}
		if (requests.reassign(request.id(), colleague.username())) {
			return ActionAnswer.done(page, "Request reassigned to " + colleague.displayName());
		}
		return ActionAnswer.problem(page, "This request is already completed");
	}

	private TriageRequest holdersOnly(UUID id, StaffUser user, String action) {
		TriageRequest request = requests.inScope(id, user);
		if (!user.username().equals(request.claimedBy()) && !TriageRoles.supervises(user)) {
			throw new AccessDeniedException("Only the person who claimed it or a supervisor can " + action + " it");
		}
		return request;
	}

	private String displayName(String username) {
		return staffUsers.find(username).map(u -> u.displayName() + " (" + username + ")").orElse(username);
	}

}

package uk.nhs.bob.primarycare.triage;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import uk.nhs.bob.primarycare.identity.StaffUsers;

/**
 * The hub's queue, the clinical supervisor's queue and the request page (the engine's suggestion with its reasons,
 * the matching services open now, and the actions the user may take). Coordinators see their hub, supervisors their
 * Place, administrators everything; every opening of a request is audited. The actions on a request are
 * {@link RequestClaimController}'s and {@link RequestDecisionController}'s.
 */
@Controller
class TriageQueueController {

	static final String VIEW_QUEUE = "triage/queue";

	static final String VIEW_REQUEST = "triage/request";

	static final String VIEW_SUPERVISION = "triage/supervision";

	static final String PURPOSE = "Direct care: same-day triage";

	private final StaffUsers staffUsers;

	private final TriageQueuePage queuePage;

	private final RequestPage page;

	TriageQueueController(StaffUsers staffUsers, TriageQueuePage queuePage, RequestPage page) {
		this.staffUsers = staffUsers;
		this.queuePage = queuePage;
		this.page = page;
	}

	@GetMapping("/triage")
	String queue(@RequestParam(name = "site", required = false) @Nullable String site,
			@RequestParam(name = "page", required = false) @Nullable String page,
			@RequestParam(name = "show", required = false) @Nullable String show,
			@RequestParam(name = "problem", required = false) @Nullable String problem,
			@RequestParam(name = "since", required = false) @Nullable String since,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		queuePage.fill(staffUsers.currentUser(), new TriageQueuePage.Query(site, page, show, problem, since), model);
		return htmx != null ? VIEW_QUEUE + " :: live" : VIEW_QUEUE;
	}

	@GetMapping("/triage/supervision")
	String supervision(Model model) {
		queuePage.fillSupervision(staffUsers.currentUser(), model);
		return VIEW_SUPERVISION;
	}

	@GetMapping("/triage/requests/{id}")
	View request(@PathVariable String id, Model model) {
		return page.view(RequestIds.parse(id), staffUsers.currentUser(), PURPOSE, model);
	}

}

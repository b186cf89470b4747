package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.ServiceDirectory;
import uk.nhs.bob.primarycare.shared.Role;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.triage.TriageRequest.Status;

/**
 * The hub's queue, the request page (the engine's suggestion with its reasons, the matching services open now,
 * claim, release, reassign, decide) and the clinical supervisor's queue. Coordinators see their hub, supervisors
 * their Place, administrators everything; every opening of a request is audited.
 */
@Controller
class TriageQueueController {

	static final String VIEW_QUEUE = "triage/queue";

	static final String VIEW_REQUEST = "triage/request";

	static final String VIEW_SUPERVISION = "triage/supervision";

	static final String PURPOSE = "Direct care: same-day triage";

	private final TriageRequests requests;

	private final TriageQueue queue;

	private final StaffUsers staffUsers;

	private final RequestPage page;

	private final TriageQueuePage queuePage;

	private final SmartValidator validator;

	TriageQueueController(TriageRequests requests, TriageQueue queue, StaffUsers staffUsers, RequestPage page,
			SmartValidator validator, TriageQueuePage queuePage) {
		this.page = page;
		this.queuePage = queuePage;
		this.validator = validator;
		this.requests = requests;
		this.queue = queue;
		this.staffUsers = staffUsers;
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
		StaffUser user = staffUsers.currentUser();
		if (!isSupervisor(user)) {
			throw new AccessDeniedException("Only clinical supervisors see the supervision queue");
		}
		model.addAttribute("rows", queue.supervision(user.scope(), user.username(), "/triage/supervision"));
		model.addAttribute("scopeName", user.scopeName());
		return VIEW_SUPERVISION;
	}

	static boolean isSupervisor(StaffUser user) {
		return user.hasAnyRole(Role.CLINICAL_SUPERVISOR, Role.ICB_ADMIN);
	}

	@GetMapping("/triage/requests/{id}")
	String request(@PathVariable String id, Model model) {
		StaffUser user = staffUsers.currentUser();
		TriageRequest request = view(id, user);
		show(request, user, model);
		model.addAttribute("form", DecisionForm.suggesting(request.version(),
				request.decidedDisposition() != null ? request.decidedDisposition() : request.suggestedDisposition()));
		return VIEW_REQUEST;
	}

	private TriageRequest view(String id, StaffUser user) {
		UUID uuid = parse(id);
		return requests.view(uuid, user, "/triage/requests/" + uuid, PURPOSE)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request");
		}
	}

	private void show(TriageRequest request, StaffUser user, Model model) {
		page.populate(request, user, model);
	}

	@PostMapping("/triage/requests/{id}/claim")
	String claim(@PathVariable String id, RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		TriageRequest request = inScope(id, user);
		TriageRequests.ClaimResult result = requests.claim(request.id(), user.username());
		if (result.claimed()) {
			redirect.addFlashAttribute("message", "You have claimed this request");
		}
		else {
			redirect.addFlashAttribute("problem", result.holder() == null ? "This request is already completed"
					: "This request has already been claimed by " + displayName(result.holder()));
		}
		return "redirect:/triage/requests/" + request.id();
	}

	@PostMapping("/triage/requests/{id}/release")
	String release(@PathVariable String id, RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		TriageRequest request = inScope(id, user);
		if (!user.username().equals(request.claimedBy()) && !isSupervisor(user)) {
			throw new AccessDeniedException("Only the person who claimed it or a supervisor can release it");
		}
		requests.release(request.id());
		redirect.addFlashAttribute("message", "Request released back to the queue");
		return "redirect:/triage?site=" + request.siteCode();
	}

	@PostMapping("/triage/requests/{id}/reassign")
	String reassign(@PathVariable String id, @RequestParam(name = "username", required = false) @Nullable String username,
			RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		TriageRequest request = inScope(id, user);
		if (!user.username().equals(request.claimedBy()) && !isSupervisor(user)) {
			throw new AccessDeniedException("Only the person who claimed it or a supervisor can reassign it");
		}
		String target = username == null ? "" : username.trim();
		StaffUser colleague = page.colleagues(request)
			.stream()
			.filter(u -> u.username().equals(target))
			.findFirst()
			.orElse(null);
		if (colleague == null) {
			redirect.addFlashAttribute("problem", "Choose a care coordinator or supervisor of this hub from the list");
		}
		else if (requests.reassign(request.id(), colleague.username())) {
			redirect.addFlashAttribute("message", "Request reassigned to " + colleague.displayName());
		}
		else {
			redirect.addFlashAttribute("problem", "This request is already completed");
		}
		return "redirect:/triage/requests/" + request.id();
	}

	@PostMapping("/triage/requests/{id}/decision")
	String decide(@PathVariable String id, @ModelAttribute("form") DecisionForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		TriageRequest request = inScope(id, user);
		validator.validate(form, errors);
		Disposition disposition = errors.hasFieldErrors("disposition") ? null : Disposition.valueOf(form.disposition());
		// whether a reason is needed depends on the request's suggestion, which only the server knows
		if (disposition != null && disposition != request.suggestedDisposition()
				&& RequestForms.blank(form.overrideReason())) {
			errors.rejectValue("overrideReason", "overrideReason.blank",
					"Enter why you are not following the suggestion");
		}
		Referral referral = referral(form, disposition, request.placeCode(), errors);
		long version = version(form, errors);
		if (errors.hasErrors() || referral == null) {
			return again(request, user, model);
		}
		try {
			TriageRequest decided = requests.decide(request.id(), version, user, disposition,
					RequestForms.trimmed(form.overrideReason()), referral);
			redirect.addFlashAttribute("message", decided.status() == Status.COMPLETED ? "Request completed"
					: "Decision recorded: waiting for a clinical supervisor");
			return "redirect:/triage?site=" + decided.siteCode();
		}
		catch (TriageRequests.StaleRequestException ex) {
			return conflict(request.id(), user, form, model, response);
		}
		catch (TriageRequests.WrongStateException ex) {
			errors.reject("state", ex.getMessage());
			return again(request, user, model);
		}
	}

	@PostMapping("/triage/requests/{id}/supervision")
	String supervise(@PathVariable String id, @ModelAttribute("form") DecisionForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		if (!isSupervisor(user)) {
			throw new AccessDeniedException("Only clinical supervisors approve requests");
		}
		TriageRequest request = inScope(id, user);
		validator.validate(form, errors, jakarta.validation.groups.Default.class, DecisionForm.Supervision.class);
		Disposition disposition = errors.hasFieldErrors("disposition") ? null : Disposition.valueOf(form.disposition());
		Referral referral = referral(form, disposition, request.placeCode(), errors);
		long version = version(form, errors);
		if (errors.hasErrors() || referral == null) {
			return again(request, user, model);
		}
		try {
			requests.supervise(request.id(), version, user, disposition, form.note().trim(), referral);
			redirect.addFlashAttribute("message", "Supervised and completed " + request.reference());
			return "redirect:/triage/supervision";
		}
		catch (TriageRequests.StaleRequestException ex) {
			return conflict(request.id(), user, form, model, response);
		}
		catch (TriageRequests.WrongStateException ex) {
			errors.reject("state", ex.getMessage());
			return again(request, user, model);
		}
	}

	private String again(TriageRequest request, StaffUser user, Model model) {
		TriageRequest latest = view(request.id().toString(), user);
		show(latest, user, model);
		return VIEW_REQUEST;
	}

	/** Someone else changed the request: show it as it is now, keeping what was typed, with status 409. */
	private String conflict(UUID id, StaffUser user, DecisionForm form, Model model, HttpServletResponse response) {
		TriageRequest latest = view(id.toString(), user);
		show(latest, user, model);
		DecisionForm kept = form.withVersion(latest.version());
		BindingResult conflict = new BeanPropertyBindingResult(kept, "form");
		conflict.reject("conflict", "Someone else changed this request while you were deciding. Check it as it is "
				+ "now, then submit again.");
		model.addAttribute("form", kept);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", conflict);
		response.setStatus(HttpStatus.CONFLICT.value());
		return VIEW_REQUEST;
	}

	private TriageRequest inScope(String id, StaffUser user) {
		TriageRequest request = requests.find(parse(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
		if (!TriageRequests.canSee(user, request)) {
			throw new AccessDeniedException("Request outside your scope");
		}
		return request;
	}

	private String displayName(String username) {
		return staffUsers.find(username).map(u -> u.displayName() + " (" + username + ")").orElse(username);
	}

	private static long version(DecisionForm form, BindingResult errors) {
		try {
			return Long.parseLong(form.version() == null ? "" : form.version());
		}
		catch (NumberFormatException ex) {
			errors.reject("version", "The form is out of date: open the request again");
			return -1;
		}
	}

	/** The referral: the chosen service, and the safety net and follow-up date typed or the pathway's defaults. */
	private @Nullable Referral referral(DecisionForm form, @Nullable Disposition disposition, String placeCode,
			BindingResult errors) {
		Long serviceId = RequestForms.blank(form.serviceId()) || errors.hasFieldErrors("serviceId") ? null
				: Long.valueOf(form.serviceId().trim());
		LocalDate today = LocalDate.now(ServiceDirectory.UK_TIME);
		LocalDate followUp = form.date().orElse(null);
		if (disposition == null || errors.hasErrors()) {
			return null;
		}
		Referral defaults = requests.defaultReferral(disposition, serviceId, today, placeCode);
		if (serviceId != null && defaults.serviceId() == null) {
			errors.rejectValue("serviceId", "serviceId.unknown", "Choose a service in the Place of the person from the list");
			return null;
		}
		return new Referral(defaults.serviceId(), defaults.serviceName(),
				RequestForms.blank(form.safetyNet()) ? defaults.safetyNet() : form.safetyNet().trim(),
				followUp == null ? defaults.followUpDate() : followUp);
	}

}

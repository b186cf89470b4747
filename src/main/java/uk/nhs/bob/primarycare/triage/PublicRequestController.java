package uk.nhs.bob.primarycare.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.ServiceDirectory;

/**
 * The public online request form (no sign-in), one question a page ({@link PublicFormStep}): the red-flag question
 * first, and an emergency answer interrupts at once with "Call 999 now" or "Go to A&E now" (its own page, so it works
 * without JavaScript), repeated on every later page. Red flags never block the request. Answers travel between pages
 * as hidden fields; nothing is stored until the person sends the request from the check-answers page, which a
 * per-client limit protects. The one-time form token makes a double click or a resend one request.
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

	private final HubSettings hubs;

	private final ServiceDirectory services;

	private final SubmissionRateLimit rateLimit;

	private final SmartValidator validator;

	private final PublicFormFlow flow;

	PublicRequestController(TriageRequests requests, TriageOptions options, Directory directory,
			HubSettings hubs, ServiceDirectory services, SubmissionRateLimit rateLimit,
			SmartValidator validator, PublicFormFlow flow) {
		this.validator = validator;
		this.flow = flow;
		this.requests = requests;
		this.options = options;
		this.directory = directory;
		this.hubs = hubs;
		this.services = services;
		this.rateLimit = rateLimit;
	}

	@GetMapping
	String start(Model model) {
		RequestForm form = RequestForm.empty(UUID.randomUUID().toString(), null, null);
		return show(PublicFormStep.RED_FLAGS, form, false, model);
	}

	/**
	 * Every page posts here with all answers so far, the page it came from and the button pressed: {@code next}
	 * (check this page's answers, then the next page that applies), {@code back}, {@code change-<page>} from the
	 * check-answers page, or {@code send}.
	 */
	@PostMapping
	String answer(@ModelAttribute("form") RequestForm form, BindingResult errors,
			@RequestParam(name = "step", required = false) @Nullable String stepCode,
			@RequestParam(name = "go", required = false) @Nullable String go,
			@RequestParam(name = "fromCheck", required = false) @Nullable String fromCheck,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		PublicFormStep step = PublicFormStep.ofCode(stepCode == null ? "" : stepCode).orElse(PublicFormStep.CHECK);
		String action = go == null ? "next" : go;
		boolean returning = "true".equals(fromCheck);
		if (action.equals("back")) {
			return show(flow.previous(step, form), form, returning, model);
		}
		if (action.startsWith("change-")) {
			return show(PublicFormStep.ofCode(action.substring("change-".length())).orElse(PublicFormStep.CHECK), form,
					true, model);
		}
		if (action.equals("send") || step == PublicFormStep.CHECK) {
			return send(form, errors, request, response, model);
		}
		flow.check(step, form, errors);
		if (errors.hasErrors()) {
			return show(step, form, returning, model);
		}
		PublicFormStep next = flow.next(step, form);
		if (returning && flow.firstUnanswered(form).isEmpty()) {
			next = PublicFormStep.CHECK;
		}
		return show(next, form, returning && next != PublicFormStep.CHECK, model);
	}

	private String send(RequestForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		for (PublicFormStep step : flow.applicable(form)) {
			flow.check(step, form, errors);
			if (errors.hasErrors()) {
				return show(step, form, true, model);
			}
		}
		SubmissionRateLimit.Result limit = rateLimit.tryConsume(request.getRemoteAddr());
		if (!limit.allowed()) {
			errors.reject("rate", "You have sent a lot of requests from this connection. Try again in "
					+ limit.minutesToWait() + (limit.minutesToWait() == 1 ? " minute" : " minutes")
					+ ". Nothing has been sent yet and your answers are kept below. If you need help now, call 111, or "
					+ "999 in an emergency.");
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			return show(PublicFormStep.CHECK, form, false, model);
		}
		RequestForm answered = form.without(flow.notAsked(form));
		// every page was checked above; these catch what no page asks but a forged post may carry
		validator.validate(answered, errors, RequestForm.Details.class, RequestForm.TypedPerson.class);
		if (errors.hasErrors()) {
			return show(PublicFormStep.CHECK, form, false, model);
		}
		RequestDetails details = RequestForms.details(answered);
		RequestedPerson person = RequestForms.person(answered);
		boolean notRegistered = NOT_REGISTERED.equals(answered.practiceCode());
		String token = RequestForms.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken();
		TriageRequests.Recorded recorded = requests.record(new NewRequest(TriageRequest.Channel.ONLINE_FORM,
				"form:" + token, null, person, notRegistered ? null : answered.practiceCode(),
				notRegistered ? answered.siteCode() : null, details));
		return "redirect:/request/sent/" + recorded.reference();
	}

	@GetMapping("/sent/{reference}")
	String sent(@PathVariable String reference, Model model) {
		// the confirmation shows the reference and what to do now, never personal details
		TriageRequest request = requests.findByReference(reference)
			.filter(r -> r.channel() == TriageRequest.Channel.ONLINE_FORM)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request"));
		model.addAttribute("reference", request.reference());
		model.addAttribute("urgency", request.urgency());
		model.addAttribute("disposition", request.suggestedDisposition());
		model.addAttribute("hubName", directory.site(request.siteCode()).map(s -> s.name()).orElse("The hub"));
		model.addAttribute("availability", hubs.availability(request.siteCode(), services.nowInUk()));
		return VIEW_SENT;
	}

	// --- the pages --------------------------------------------------------------------------------------------------

	private String show(PublicFormStep step, RequestForm form, boolean returning, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("step", step);
		model.addAttribute("returning", returning);
		Map<String, List<String>> all = new LinkedHashMap<>(form.values());
		all.keySet().removeIf(name -> !PublicFormStep.FIELDS.contains(name));
		Map<String, List<String>> hidden = new LinkedHashMap<>(all);
		hidden.keySet().removeIf(step.fields()::contains);
		model.addAttribute("all", all);
		model.addAttribute("hidden", hidden);
		model.addAttribute("emergency", flow.emergency(form).orElse(null));
		model.addAttribute("redFlagQuestions", flow.redFlags(form).stream().map(RedFlag::question).toList());
		model.addAttribute("forSelf", "self".equals(form.forWhom()));
		model.addAttribute("problemOptions", options.problems());
		model.addAttribute("redFlagOptions", options.redFlags());
		Map<String, String> practices = new LinkedHashMap<>();
		practices.put(NOT_REGISTERED, "Not registered with a GP practice here, or I do not know");
		practices.putAll(options.practices());
		model.addAttribute("practiceOptions", practices);
		model.addAttribute("siteOptions", options.allSites());
		if (step == PublicFormStep.CHECK) {
			model.addAttribute("answers", flow.answers(form, practices));
		}
		return VIEW_FORM;
	}

}

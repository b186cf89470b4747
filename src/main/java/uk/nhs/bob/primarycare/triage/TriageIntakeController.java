package uk.nhs.bob.primarycare.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.population.IdentityMatch;
import uk.nhs.bob.primarycare.population.PersonSummary;
import uk.nhs.bob.primarycare.population.Population;
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

	static final String PURPOSE = "Direct care: recording a same-day request";

	private final TriageRequests requests;

	private final TriagePeople people;

	private final Population population;

	private final StaffUsers staffUsers;

	private final TriageOptions options;

	private final Directory directory;

	private final SmartValidator validator;

	TriageIntakeController(TriageRequests requests, TriagePeople people, Population population, StaffUsers staffUsers,
			TriageOptions options, Directory directory, SmartValidator validator) {
		this.directory = directory;
		this.validator = validator;
		this.requests = requests;
		this.people = people;
		this.population = population;
		this.staffUsers = staffUsers;
		this.options = options;
	}

	record Found(String nhsNumber, String nhsNumberFormatted, String name, LocalDate dateOfBirth, String practiceName) {
	}

	@GetMapping("/new")
	String find(@ModelAttribute("form") PersonLookupForm form, BindingResult errors,
			@RequestParam(name = "search", required = false) @Nullable String search, Model model) {
		if (search == null) {
			return VIEW_FIND;
		}
		StaffUser user = staffUsers.currentUser();
		List<TriagePeople.PersonInScope> found = people.shown(() -> lookUp(form, errors), user, 20,
				"/triage/requests/new", PURPOSE);
		if (errors.hasErrors()) {
			return VIEW_FIND;
		}
		model.addAttribute("searched", true);
		model.addAttribute("results", found.stream()
			.map(p -> new Found(p.person().nhsNumber().value(), p.person().nhsNumber().formatted(),
					p.person().displayName(), p.person().dateOfBirth(), p.practice().name()))
			.toList());
		return VIEW_FIND;
	}

	private List<PersonSummary> lookUp(PersonLookupForm form, BindingResult errors) {
		validator.validate(form, errors);
		if (errors.hasErrors()) {
			return List.of();
		}
		List<PersonSummary> found = NhsNumber.parse(form.nhsNumber() == null ? "" : form.nhsNumber())
			.map(population::find)
			.map(person -> person.stream().toList())
			.orElseGet(() -> population.search(form.familyName(), form.date().orElseThrow(), 100));
		return found.stream().filter(p -> !p.deceased()).toList();
	}

	@GetMapping("/new/person/{nhsNumber}")
	String formForPerson(@PathVariable("nhsNumber") NhsNumber number, Model model) {
		Optional<TriagePeople.PersonInScope> found = people.view(number, staffUsers.currentUser(),
				"/triage/requests/new", PURPOSE);
		if (found.isEmpty()) {
			model.addAttribute("form", new PersonLookupForm(number.value(), null, null, null, null));
			model.addAttribute("notInScope", true);
			return VIEW_FIND;
		}
		model.addAttribute("person", found.get().person());
		model.addAttribute("practice", found.get().practice());
		model.addAttribute("form", RequestForm.empty(UUID.randomUUID().toString(),
				found.get().person().nhsNumber().value(), null));
		return VIEW_FORM;
	}

	@GetMapping("/new/unregistered")
	String formForUnregistered(Model model) {
		StaffUser user = staffUsers.currentUser();
		List<String> sites = options.sitesFor(user).stream().map(s -> s.code()).toList();
		model.addAttribute("form",
				RequestForm.empty(UUID.randomUUID().toString(), null, sites.size() == 1 ? sites.get(0) : null));
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
		StaffUser user = staffUsers.currentUser();
		Identified identified = form.registered() ? registered(form, errors, user, model) : typed(form, errors, user);
		RequestedPerson person = identified.person();
		String siteCode = null;
		if (!identified.matched()) {
			Map<String, String> sites = options.siteOptions(user);
			if (RequestForms.blank(form.siteCode()) || !sites.containsKey(form.siteCode())) {
				errors.rejectValue("siteCode", "siteCode.blank", "Choose the hub that will triage this request");
			}
			else {
				siteCode = form.siteCode();
			}
		}
		validator.validate(form, errors, RequestForm.Details.class);
		if (errors.hasErrors() || person == null) {
			return VIEW_FORM;
		}
		RequestDetails details = RequestForms.details(form);
		String token = RequestForms.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken();
		TriageRequests.Recorded recorded = requests.record(new NewRequest(TriageRequest.Channel.COORDINATOR,
				"staff:" + token, user.username(), person, null, siteCode, details));
		if (!options.sitesFor(user).stream().anyMatch(s -> s.code().equals(recorded.siteCode()))) {
			// matched to someone registered with another hub: it is in that hub's queue, which this user cannot open
			redirect.addFlashAttribute("message", "Request " + recorded.reference() + " recorded. The person is "
					+ "registered with a practice of " + directory.site(recorded.siteCode()).map(s -> s.name())
						.orElse(recorded.siteCode())
					+ " hub, outside your scope, so it is in that hub's queue.");
			return "redirect:/triage";
		}
		redirect.addFlashAttribute("recorded", recorded.reference());
		return "redirect:/triage/requests/" + recorded.id();
	}

	/** The person found by search, read again: gone or out of scope since is a form error, never a 403 or 404. */
	/** The person a request is for, and whether the identity rule matched them to the record (their hub decides). */
	record Identified(@Nullable RequestedPerson person, boolean matched) {
	}

	private Identified registered(RequestForm form, BindingResult errors, StaffUser user, Model model) {
		Optional<TriagePeople.PersonInScope> found = NhsNumber.parse(form.nhsNumber() == null ? "" : form.nhsNumber())
			.flatMap(number -> people.view(number, user, "/triage/requests/new", PURPOSE));
		if (found.isEmpty()) {
			errors.reject("person.gone", "This person is no longer registered at a practice in your scope. Find them "
					+ "again, or record the request for someone not registered.");
			return new Identified(null, true);
		}
		model.addAttribute("person", found.get().person());
		model.addAttribute("practice", found.get().practice());
		return new Identified(TriageRequests.fromRecord(found.get().person()), true);
	}

	/**
	 * The details as typed, with the identity rule applied to an NHS number: a match records the request for the
	 * person on the record, a number held for nobody is kept as given, and a mismatch is an error on the NHS number
	 * that says what the record holds (when the person is in the user's scope) and keeps everything typed.
	 */
	private Identified typed(RequestForm form, BindingResult errors, StaffUser user) {
		validator.validate(form, errors, RequestForm.TypedPerson.class);
		if (errors.hasErrors()) {
			return new Identified(null, false);
		}
		RequestedPerson person = RequestForms.person(form);
		if (person.nhsNumber() == null) {
			return new Identified(person, false);
		}
		TriagePeople.StaffIdentity identity = people.identify(person.nhsNumber(), person, user,
				"/triage/requests/new", PURPOSE);
		IdentityMatch match = identity.match();
		String number = match.nhsNumber().formatted();
		if (match.result() == IdentityMatch.Result.NOT_FOUND) {
			return new Identified(person, false);
		}
		PersonSummary held = match.person().orElseThrow();
		if (!identity.inScope()) {
			if (!match.matched() || held.deceased()) {
				errors.rejectValue("nhsNumber", "nhsNumber.mismatch", "NHS number " + number + " belongs to someone "
						+ "registered outside your scope whose details are different. Check the number with the caller, "
						+ "or leave it blank to record the request without it.");
				return new Identified(null, false);
			}
			return new Identified(person, true);
		}
		if (held.deceased()) {
			errors.rejectValue("nhsNumber", "nhsNumber.deceased", "The record for NHS number " + number
					+ " says this person died on " + DATE.format(held.dateOfDeath()) + ". Check the number with the caller.");
			return new Identified(null, false);
		}
		if (!match.matched()) {
			errors.rejectValue("nhsNumber", "nhsNumber.mismatch", "The record for NHS number " + number + " holds "
					+ held.givenName() + " " + held.familyName() + ", born " + DATE.format(held.dateOfBirth())
					+ " (different " + TriageRequests.differences(match) + "). Check the details with the caller and "
					+ "correct them, or leave the NHS number blank.");
			return new Identified(null, false);
		}
		return new Identified(person, true);
	}

	private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
		.ofPattern("d MMMM yyyy", java.util.Locale.UK);

}

package uk.nhs.bob.primarycare.triage;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
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

	TriageIntakeController(TriageRequests requests, TriagePeople people, Population population, StaffUsers staffUsers,
			TriageOptions options) {
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
		if (!RequestFormCheck.blank(form.nhsNumber())) {
			Optional<NhsNumber> nhsNumber = NhsNumber.parse(form.nhsNumber().replaceAll("[\\s-]", ""));
			if (nhsNumber.isEmpty()) {
				errors.rejectValue("nhsNumber", "nhsNumber.invalid",
						"Enter a valid 10 digit NHS number, like 943 476 5919");
				return List.of();
			}
			return population.find(nhsNumber.get()).stream().filter(p -> !p.deceased()).toList();
		}
		if (RequestFormCheck.blank(form.familyName())) {
			errors.rejectValue("nhsNumber", "search.blank", "Enter an NHS number, or a family name and date of birth");
			return List.of();
		}
		LocalDate dateOfBirth = null;
		try {
			if (form.day() != null && form.month() != null && form.year() != null && form.year().trim().matches("\\d{4}")) {
				dateOfBirth = LocalDate.of(Integer.parseInt(form.year().trim()), Integer.parseInt(form.month().trim()),
						Integer.parseInt(form.day().trim()));
			}
		}
		catch (NumberFormatException | DateTimeException ex) {
			dateOfBirth = null;
		}
		if (dateOfBirth == null) {
			errors.rejectValue("day", "dateOfBirth.invalid", "Enter a real date of birth, like 15 3 1984");
			return List.of();
		}
		if (form.familyName().trim().length() > 60) {
			errors.rejectValue("familyName", "familyName.long", "Family name must be 60 characters or fewer");
			return List.of();
		}
		return population.search(form.familyName(), dateOfBirth, 100).stream().filter(p -> !p.deceased()).toList();
	}

	@GetMapping("/new/person/{nhsNumber}")
	String formForPerson(@PathVariable String nhsNumber, Model model) {
		NhsNumber number = NhsNumber.parse(nhsNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such NHS number"));
		showPerson(number, model);
		model.addAttribute("form", RequestForm.empty(UUID.randomUUID().toString(), number.value(), null));
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

	private TriagePeople.PersonInScope showPerson(NhsNumber number, Model model) {
		TriagePeople.PersonInScope found = people.view(number, staffUsers.currentUser(), "/triage/requests/new", PURPOSE)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person"));
		model.addAttribute("person", found.person());
		model.addAttribute("practice", found.practice());
		return found;
	}

	@PostMapping
	String record(@ModelAttribute("form") RequestForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		StaffUser user = staffUsers.currentUser();
		RequestedPerson person;
		String siteCode = null;
		if (!RequestFormCheck.blank(form.nhsNumber())) {
			NhsNumber number = NhsNumber.parse(form.nhsNumber())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such NHS number"));
			PersonSummary found = showPerson(number, model).person();
			person = new RequestedPerson(found.nhsNumber().value(), found.givenName(), found.familyName(),
					found.dateOfBirth(), found.sex() == uk.nhs.bob.primarycare.population.Sex.FEMALE
							? NavigationInput.Sex.FEMALE : NavigationInput.Sex.MALE,
					found.postcode().value());
		}
		else {
			person = RequestFormCheck.person(form, errors);
			Map<String, String> sites = options.siteOptions(user);
			if (RequestFormCheck.blank(form.siteCode()) || !sites.containsKey(form.siteCode())) {
				errors.rejectValue("siteCode", "siteCode.blank", "Choose the hub that will triage this request");
			}
			else {
				siteCode = form.siteCode();
			}
		}
		RequestDetails details = RequestFormCheck.details(form, errors, false);
		if (errors.hasErrors() || details == null || person == null) {
			return VIEW_FORM;
		}
		String token = RequestFormCheck.blank(form.formToken()) ? UUID.randomUUID().toString() : form.formToken();
		TriageRequests.Recorded recorded = requests.record(new NewRequest(TriageRequest.Channel.COORDINATOR,
				"staff:" + token, user.username(), person, null, siteCode, details));
		redirect.addFlashAttribute("recorded", recorded.reference());
		return "redirect:/triage/requests/" + recorded.id();
	}

}

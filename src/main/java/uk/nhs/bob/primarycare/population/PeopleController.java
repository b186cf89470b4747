package uk.nhs.bob.primarycare.population;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.shared.FieldOrder;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.Postcode;

/**
 * Person search and the person summary. Users only find and open people registered at practices in their scope;
 * every opening of a summary is audited.
 */
@Controller
@RequestMapping("/population/people")
class PeopleController {

	static final String VIEW_SEARCH = "population/people-search";

	static final String VIEW_SUMMARY = "population/person-summary";

	static final String PURPOSE = "Direct care: person summary";

	/** More matches than this means the search should be narrowed, not scrolled. */
	static final int MAX_RESULTS = 20;

	private final Population population;

	private final StaffUsers staffUsers;

	private final PeopleSearch peopleSearch;

	private final PersonSummaryPage summaryPage;

	PeopleController(Population population, StaffUsers staffUsers, PeopleSearch peopleSearch,
			PersonSummaryPage summaryPage) {
		this.peopleSearch = peopleSearch;
		this.summaryPage = summaryPage;
		this.population = population;
		this.staffUsers = staffUsers;
	}

	@InitBinder("form")
	void errorsInFieldOrder(WebDataBinder binder) {
		FieldOrder.install(binder);
	}

	@GetMapping
	String searchPage(@ModelAttribute("form") PersonSearchForm form) {
		return VIEW_SEARCH;
	}

	@GetMapping(params = "search")
	String search(@Valid @ModelAttribute("form") PersonSearchForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return VIEW_SEARCH;
		}
		List<PersonSearchResult> results = peopleSearch.shown(() -> find(form), staffUsers.currentUser(), MAX_RESULTS,
				"/population/people");
		model.addAttribute("searched", true);
		model.addAttribute("results", results.stream().limit(MAX_RESULTS).toList());
		model.addAttribute("tooMany", results.size() > MAX_RESULTS);
		return VIEW_SEARCH;
	}

	/** The people the valid form asks for: the one with its NHS number, or those with its name and date of birth. */
	private List<PersonSummary> find(PersonSearchForm form) {
		Optional<NhsNumber> nhsNumber = form.validNhsNumber();
		if (nhsNumber.isPresent()) {
			return population.find(nhsNumber.get()).stream().toList();
		}
		Optional<Postcode> postcode = form.validPostcode();
		return population.search(form.familyName(), form.date().orElseThrow(), 100)
			.stream()
			.filter(person -> postcode.isEmpty() || person.postcode().equals(postcode.get()))
			.toList();
	}

	@GetMapping("/{nhsNumber}")
	View summary(@PathVariable("nhsNumber") NhsNumber number, Model model) {
		return summaryPage.open(number, staffUsers.currentUser(), "/population/people/" + number.value(), PURPOSE, model);
	}

}

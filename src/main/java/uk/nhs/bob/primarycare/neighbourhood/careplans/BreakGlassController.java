package uk.nhs.bob.primarycare.neighbourhood.careplans;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.nhs.bob.primarycare.identity.StaffUser;
import uk.nhs.bob.primarycare.identity.StaffUsers;
import uk.nhs.bob.primarycare.neighbourhood.support.NeighbourhoodPage;

/** The break-glass review list of clinical supervisors, and marking a use reviewed. */
@Controller
@RequestMapping("/neighbourhood/break-glass")
class BreakGlassController implements NeighbourhoodPage {

	static final String VIEW_REVIEWS = "neighbourhood/break-glass-reviews";

	private final BreakGlassReviews reviews;

	private final StaffUsers staffUsers;

	BreakGlassController(BreakGlassReviews reviews, StaffUsers staffUsers) {
		this.reviews = reviews;
		this.staffUsers = staffUsers;
	}

	/** A review: the outcome and an optional note. */
	record ReviewForm(@Nullable String outcome, @Nullable String note) {
	}

	@GetMapping
	String list(Model model) {
		StaffUser user = staffUsers.currentUser();
		model.addAttribute("uses", reviews.list(user, "/neighbourhood/break-glass"));
		model.addAttribute("scopeName", user.scopeName());
		Map<String, String> outcomes = new LinkedHashMap<>();
		for (BreakGlassReview outcome : BreakGlassReview.values()) {
			outcomes.put(outcome.name(), outcome.label());
		}
		model.addAttribute("outcomes", outcomes);
		return VIEW_REVIEWS;
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable String id, @ModelAttribute ReviewForm form, RedirectAttributes redirect) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Optional<BreakGlassReview> outcome = BreakGlassReview.of(form.outcome());
		String note = form.note() == null ? "" : form.note().trim();
		if (outcome.isEmpty()) {
			redirect.addFlashAttribute("problem", "Choose whether the use was appropriate or is to investigate");
		}
		else if (note.length() > 500) {
			redirect.addFlashAttribute("problem", "The note must be 500 characters or fewer");
		}
		else if (outcome.get() == BreakGlassReview.TO_INVESTIGATE && note.isEmpty()) {
			redirect.addFlashAttribute("problem", "Say what is to be investigated in the note");
		}
		else {
			Optional<BreakGlassReviews.Problem> problem = reviews.review(Long.parseLong(id), staffUsers.currentUser(),
					outcome.get(), note);
			if (problem.isEmpty()) {
				redirect.addFlashAttribute("done", "Marked " + outcome.get().label().toLowerCase(java.util.Locale.UK));
			}
			else {
				redirect.addFlashAttribute("problem", switch (problem.get()) {
					case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
					case OWN_USE -> "You cannot review your own use of break-glass: another supervisor must";
					case ALREADY_REVIEWED -> "Another supervisor reviewed this use a moment ago";
				});
			}
		}
		return "redirect:/neighbourhood/break-glass";
	}

}

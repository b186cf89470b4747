package uk.nhs.bob.primarycare.cvd;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The CVD worklists of people: filters (rule, PCN, practice, deprivation, outreach status, owner), one page of
 * people, the CSV export and the bulk actions on a selection ({@link WorklistPages}). A filter the user may not use
 * (a practice outside their area, an unknown rule) is answered with a message, never silently dropped.
 */
@Controller
class WorklistController {

	static final String VIEW = "cvd/worklist";

	static final int PAGE_SIZE = WorklistPages.PAGE_SIZE;

	private final WorklistPages pages;

	private final KeptWorklistPages kept;

	WorklistController(WorklistPages pages, KeptWorklistPages kept) {
		this.pages = pages;
		this.kept = kept;
	}

	/** The page kept for what this view read ({@link KeptWorklistPages}). */
	@GetMapping("/cvd/worklist")
	View worklist(@ModelAttribute("query") WorklistQuery query, Model model) {
		WorklistPage page = pages.page(query, WorklistActionForm.of(query));
		model.addAllAttributes(page.model());
		return kept.view(page, model.asMap());
	}

	@PostMapping("/cvd/worklist/actions")
	String act(@Valid @ModelAttribute("actionForm") WorklistActionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAllAttributes(pages.page(form.query(), form).model());
			return VIEW;
		}
		redirect.addFlashAttribute("success", pages.act(form));
		return "redirect:" + WorklistFilters.url("/cvd/worklist", form.query(), true);
	}

	/** Every person the filters find, as a CSV file ({@link WorklistCsv}). */
	@GetMapping("/cvd/worklist.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute("query") WorklistQuery query) {
		WorklistCsv.File file = pages.csv(query);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.name() + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(file.bytes());
	}

}

package uk.nhs.bob.primarycare.programme.spc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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

import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ProgrammeViews;
import uk.nhs.bob.primarycare.programme.ReasonForm;

/**
 * A project measure's page with the chart, the weekly values (source, n, variation) and history; entering and
 * correcting values; rebasing with a reason and removing a rebase. Each handler binds its form (Bean Validation),
 * makes one call to {@link Measures} and picks the view.
 */
@Controller
@RequestMapping("/programme/projects/{projectId}/measures")
class MeasureValueController {

	static final String VIEW_MEASURE = "programme/measure";

	static final String VIEW_VALUE = "programme/value-form";

	private final Measures measures;

	private final MeasurePage measurePage;

	private final ProgrammePages pages;

	MeasureValueController(Measures measures, MeasurePage measurePage, ProgrammePages pages) {
		this.measures = measures;
		this.measurePage = measurePage;
		this.pages = pages;
	}

	// --- the measure page and its values ----------------------------------------------------------------------

	@GetMapping("/{measureId}")
	String measure(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		model.addAttribute("form", ValueForm.empty());
		model.addAttribute("rebaseForm", RebaseForm.empty());
		return showMeasure(projectId, measureId, model, false);
	}

	@PostMapping("/{measureId}/values")
	String enter(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") ValueForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("rebaseForm", RebaseForm.empty());
		if (ProgrammePages.change(result, model, response,
				() -> measures.enter(projectId, measureId, form.day(), form.number()))) {
			redirect.addFlashAttribute("saved",
					"Value for the week commencing " + ProgrammeViews.day(IsoWeek.of(form.day()).monday()) + " saved");
			return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
		}
		return showMeasure(projectId, measureId, model, true);
	}

	@GetMapping("/{measureId}/values/{week}")
	String valueForm(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			Model model) {
		Measures.HandValue value = handValue(measureId, week);
		model.addAttribute("form", new ValueChangeForm(Measures.plain(value.value()), "", value.version()));
		return showValue(projectId, measureId, value, model);
	}

	@PostMapping("/{measureId}/values/{week}")
	String changeValue(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			@Valid @ModelAttribute("form") ValueChangeForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String remove, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Measures.HandValue current = handValue(measureId, week);
		LocalDate monday = current.weekStarting();
		Runnable change = remove != null
				? () -> measures.remove(projectId, measureId, monday, form.version(), form.reason().strip())
				: () -> measures.change(projectId, measureId, monday, form.version(), form.number(),
						form.reason().strip());
		if (ProgrammePages.change(result, model, response, change)) {
			redirect.addFlashAttribute("saved", (remove != null ? "Value removed" : "Value corrected")
					+ " for the week commencing " + ProgrammeViews.day(monday));
			return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
		}
		return showValue(projectId, measureId, current, model);
	}

	@PostMapping("/{measureId}/rebases")
	String rebase(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("rebaseForm") RebaseForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("form", ValueForm.empty());
		if (ProgrammePages.change(result, model, response,
				() -> measures.rebase(projectId, measureId, form.day(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "Limits recalculated from the week commencing "
					+ ProgrammeViews.day(IsoWeek.of(form.day()).monday()));
			return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
		}
		return showMeasure(projectId, measureId, model, true);
	}

	/** The form names the rebase it removes (its id as the version), so a rebase added again is not removed. */
	@GetMapping("/{measureId}/rebases/{week}/remove")
	String removeRebaseForm(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			Model model) {
		long rebaseId = measures.rebaseId(measureId, monday(week))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", ReasonForm.of(rebaseId));
		return showRemoveRebase(projectId, measureId, week, model);
	}

	@PostMapping("/{measureId}/rebases/{week}/remove")
	String removeRebase(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		LocalDate monday = monday(week);
		if (ProgrammePages.change(result, model, response,
				() -> measures.removeRebase(projectId, measureId, monday, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved",
					"Recalculation from the week commencing " + ProgrammeViews.day(monday) + " removed");
			return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
		}
		return showRemoveRebase(projectId, measureId, week, model);
	}

	// --- views ------------------------------------------------------------------------------------------------

	private String showMeasure(long projectId, long measureId, Model model, boolean editing) {
		if (editing) {
			pages.editable(projectId, model);
		}
		else {
			pages.describe(projectId, model);
		}
		measurePage.fill(measure(projectId, measureId), model);
		return VIEW_MEASURE;
	}

	private String showValue(long projectId, long measureId, Measures.HandValue value, Model model) {
		pages.editable(projectId, model);
		model.addAttribute("measure", measure(projectId, measureId));
		model.addAttribute("weekCommencing", ProgrammeViews.day(value.weekStarting()));
		model.addAttribute("mondayIso", value.weekStarting().toString());
		return VIEW_VALUE;
	}

	private String showRemoveRebase(long projectId, long measureId, String week, Model model) {
		pages.editable(projectId, model);
		measure(projectId, measureId);
		String page = "/programme/projects/" + projectId + "/measures/" + measureId;
		return pages.reasonPage(model, "Remove the recalculation from " + ProgrammeViews.day(monday(week)),
				"The limits will again run across this week.", "Remove recalculation",
				page + "/rebases/" + monday(week) + "/remove", page);
	}

	private Measure measure(long projectId, long measureId) {
		return measures.find(projectId, measureId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Measures.HandValue handValue(long measureId, String week) {
		return measures.handValue(measureId, monday(week))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static LocalDate monday(String week) {
		try {
			return IsoWeek.of(LocalDate.parse(week)).monday();
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}

package uk.nhs.bob.primarycare.programme.spc;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.ProgrammeCalendar;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ReasonForm;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;

/**
 * A project's measures: adding, editing, retiring and reinstating one, and the chart as an SVG download. The measure
 * page with its values and rebases is {@link MeasureValueController}'s. Each handler binds its form (Bean
 * Validation), makes one call to {@link Measures} and picks the view.
 */
@Controller
@RequestMapping("/programme/projects/{projectId}/measures")
class MeasureController {

	static final String VIEW_FORM = "programme/measure-form";

	private final Measures measures;

	private final Charts charts;

	private final Improvement improvement;

	private final ProgrammePages pages;

	private final ProgrammeCalendar calendar;

	private final int defaultMinimumN;

	MeasureController(Measures measures, Charts charts, Improvement improvement, ProgrammePages pages,
			ProgrammeCalendar calendar, @Value("${primarycare.programme.minimum-n:10}") int defaultMinimumN) {
		this.measures = measures;
		this.charts = charts;
		this.improvement = improvement;
		this.pages = pages;
		this.calendar = calendar;
		this.defaultMinimumN = defaultMinimumN;
	}

	// --- adding and editing a measure -------------------------------------------------------------------------

	@GetMapping("/new")
	String newMeasure(@PathVariable long projectId, Model model) {
		model.addAttribute("form", MeasureForm.empty(defaultMinimumN, calendar.currentWeek().monday()));
		return showForm(projectId, null, model);
	}

	@PostMapping
	String add(@PathVariable long projectId, @Valid @ModelAttribute("form") MeasureForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Measure[] added = new Measure[1];
		if (ProgrammePages.change(result, model, response,
				() -> added[0] = measures.add(projectId, form.draft(form.feed())))) {
			redirect.addFlashAttribute("saved", "Measure added: " + added[0].name());
			return "redirect:/programme/projects/" + projectId + "/measures/" + added[0].id();
		}
		return showForm(projectId, null, model);
	}

	@GetMapping("/{measureId}/edit")
	String edit(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		model.addAttribute("form", MeasureForm.of(measure(projectId, measureId)));
		return showForm(projectId, measureId, model);
	}

	@PostMapping("/{measureId}")
	String save(@PathVariable long projectId, @PathVariable long measureId,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") MeasureForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Measure measure = measure(projectId, measureId);
		if (ProgrammePages.change(result, model, response,
				() -> measures.edit(projectId, measureId, form.version(), form.draft(measure.feed())))) {
			redirect.addFlashAttribute("saved", "Measure saved: " + form.draft(measure.feed()).name());
			return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
		}
		return showForm(projectId, measureId, model);
	}

	@GetMapping("/{measureId}/retire")
	String retireForm(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		model.addAttribute("form", ReasonForm.of(measure(projectId, measureId).version()));
		return showRetire(projectId, measureId, model);
	}

	@PostMapping("/{measureId}/retire")
	String retire(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Measure measure = measure(projectId, measureId);
		if (ProgrammePages.change(result, model, response,
				() -> measures.retire(projectId, measureId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "Measure retired: " + measure.name());
			return "redirect:/programme/projects/" + projectId;
		}
		return showRetire(projectId, measureId, model);
	}

	/** A button with no typed values: a refusal or stale version is a plain page ({@link uk.nhs.bob.primarycare.programme.ProgrammeFormAdvice}). */
	@PostMapping("/{measureId}/reinstate")
	String reinstate(@PathVariable long projectId, @PathVariable long measureId,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		Measure measure = measure(projectId, measureId);
		measures.reinstate(projectId, measureId, version);
		redirect.addFlashAttribute("saved", "Measure reinstated: " + measure.name());
		return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
	}

	/** The chart as a standalone SVG file (presentation attributes only, so it looks the same anywhere). */
	@GetMapping(value = "/{measureId}/chart.svg")
	String svg(@PathVariable long projectId, @PathVariable long measureId, Model model,
			HttpServletResponse response) {
		pages.describe(projectId, model);
		Measure measure = measure(projectId, measureId);
		model.addAttribute("chart", SpcChart.of(charts.chart(measure), improvement.cycles(projectId)));
		response.setContentType("image/svg+xml;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String file = ("chart-" + measure.name()).replaceAll("[^A-Za-z0-9-]+", "-") + ".svg";
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
		return "programme/chart-download";
	}

	// --- views ------------------------------------------------------------------------------------------------

	private String showForm(long projectId, @Nullable Long measureId, Model model) {
		pages.editable(projectId, model);
		Measure measure = measureId == null ? null : measure(projectId, measureId);
		model.addAttribute("measureId", measureId);
		model.addAttribute("measureFeed", measure == null || measure.feed() == null ? null : measure.feed().label());
		model.addAttribute("kindOptions", ProgrammePages.options(Measure.Kind.values(), Measure.Kind::label));
		model.addAttribute("directionOptions", ProgrammePages.options(Spc.Direction.values(), SpcChart::directionLabel));
		model.addAttribute("feedOptions", ProgrammePages.options(Feed.values(), Feed::label));
		return VIEW_FORM;
	}

	private String showRetire(long projectId, long measureId, Model model) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		String page = "/programme/projects/" + projectId + "/measures/" + measureId;
		return pages.reasonPage(model, "Retire " + measure.name(),
				"A retired measure keeps its values, chart and history but takes no more values and leaves the summaries.",
				"Retire measure", page + "/retire", page);
	}

	private Measure measure(long projectId, long measureId) {
		return measures.find(projectId, measureId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

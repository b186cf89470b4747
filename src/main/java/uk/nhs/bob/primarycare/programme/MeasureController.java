package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
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

/**
 * A project's measures: adding, editing and retiring one; its page with the chart, the weekly values (source, n,
 * variation) and history; entering and correcting values; rebasing with a reason; the chart as an SVG download.
 */
@Controller
@RequestMapping("/programme/projects/{projectId}/measures")
class MeasureController {

	static final String VIEW_FORM = "programme/measure-form";

	static final String VIEW_MEASURE = "programme/measure";

	static final String VIEW_VALUE = "programme/value-form";

	static final String VIEW_REASON = "programme/reason-form";

	public record ValueRow(String weekCommencing, String isoWeek, String value, @Nullable String n, String source,
			String variation, boolean rebase, @Nullable String rebaseReason, String mondayIso, @Nullable Long version) {
	}

	private final Measures measures;

	private final Charts charts;

	private final Improvement improvement;

	private final ChangeLog changes;

	private final ProgrammePages pages;

	private final ProgrammeCalendar calendar;

	private final int defaultMinimumN;

	MeasureController(Measures measures, Charts charts, Improvement improvement, ChangeLog changes,
			ProgrammePages pages, ProgrammeCalendar calendar,
			@Value("${primarycare.programme.minimum-n:10}") int defaultMinimumN) {
		this.measures = measures;
		this.charts = charts;
		this.improvement = improvement;
		this.changes = changes;
		this.pages = pages;
		this.calendar = calendar;
		this.defaultMinimumN = defaultMinimumN;
	}

	// --- adding and editing a measure -------------------------------------------------------------------------

	@GetMapping("/new")
	String newMeasure(@PathVariable long projectId, Model model) {
		pages.editable(projectId, model);
		model.addAttribute("form", MeasureForm.empty(defaultMinimumN, calendar.currentWeek().monday()));
		return showForm(model, null);
	}

	@PostMapping
	String add(@PathVariable long projectId, @Valid @ModelAttribute("form") MeasureForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Optional<Measures.Draft> draft = draft(form, form.feed(), result);
		if (draft.isPresent()) {
			try {
				Measure measure = measures.add(projectId, draft.get());
				redirect.addFlashAttribute("saved", "Measure added: " + measure.name());
				return "redirect:/programme/projects/" + projectId + "/measures/" + measure.id();
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showForm(model, null);
	}

	@GetMapping("/{measureId}/edit")
	String edit(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		model.addAttribute("form", MeasureForm.of(measure));
		return showForm(model, measure);
	}

	@PostMapping("/{measureId}")
	String save(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") MeasureForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		if (form.version() == null) {
			result.rejectValue("version", "required",
					"This form is out of date or incomplete: open the page again and make your change");
		}
		Optional<Measures.Draft> draft = draft(form, measure.feed(), result);
		if (draft.isPresent()) {
			try {
				measures.edit(projectId, measureId, form.version(), draft.get());
				redirect.addFlashAttribute("saved", "Measure saved: " + draft.get().name());
				return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", form.withVersion(measure(projectId, measureId).version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showForm(model, measure);
	}

	@GetMapping("/{measureId}/retire")
	String retireForm(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		model.addAttribute("form", ReasonForm.of(measure.version()));
		return showReason(model, measure, "Retire " + measure.name(),
				"A retired measure keeps its values, chart and history but takes no more values and leaves the summaries.",
				"Retire measure", "retire");
	}

	@PostMapping("/{measureId}/retire")
	String retire(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		if (!result.hasErrors()) {
			try {
				measures.retire(projectId, measureId, form.version(), form.reason().strip());
				redirect.addFlashAttribute("saved", "Measure retired: " + measure.name());
				return "redirect:/programme/projects/" + projectId;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showReason(model, measure, "Retire " + measure.name(), "", "Retire measure", "retire");
	}

	@PostMapping("/{measureId}/reinstate")
	String reinstate(@PathVariable long projectId, @PathVariable long measureId,
			@RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		if (version == null) {
			throw new Refused(null, "This form is out of date or incomplete: open the page again and make your change");
		}
		measures.reinstate(projectId, measureId, version);
		redirect.addFlashAttribute("saved", "Measure reinstated: " + measure.name());
		return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
	}

	// --- the measure page and its values ----------------------------------------------------------------------

	@GetMapping("/{measureId}")
	String measure(@PathVariable long projectId, @PathVariable long measureId, Model model) {
		pages.describe(projectId, model);
		model.addAttribute("form", ValueForm.empty());
		model.addAttribute("rebaseForm", RebaseForm.empty());
		return showMeasure(projectId, measureId, model);
	}

	@PostMapping("/{measureId}/values")
	String enter(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("form") ValueForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		model.addAttribute("rebaseForm", RebaseForm.empty());
		Optional<LocalDate> day = FormDates.parse(form.weekDay(), form.weekMonth(), form.weekYear());
		if (day.isEmpty()) {
			result.rejectValue("weekDay", "date", "Enter a real date in the week, for example 16 11 2026");
		}
		BigDecimal value = result.hasFieldErrors("value") ? null : ProgrammePages.number(form.value());
		if (value == null && !result.hasFieldErrors("value")) {
			result.rejectValue("value", "number", "Value must be a number, like 42 or 12.5");
		}
		if (!result.hasErrors()) {
			try {
				measures.enter(projectId, measureId, day.get(), value);
				redirect.addFlashAttribute("saved",
						"Value for the week commencing " + ProgrammeViews.day(IsoWeek.of(day.get()).monday()) + " saved");
				return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showMeasure(projectId, measureId, model);
	}

	@GetMapping("/{measureId}/values/{week}")
	String valueForm(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			Model model) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		Measures.HandValue value = handValue(measureId, week);
		model.addAttribute("form", new ValueChangeForm(Measures.plain(value.value()), "", value.version()));
		return showValue(model, measure, value);
	}

	@PostMapping("/{measureId}/values/{week}")
	String changeValue(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			@Valid @ModelAttribute("form") ValueChangeForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String remove, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		Measures.HandValue current = handValue(measureId, week);
		BigDecimal value = null;
		if (remove == null && !result.hasFieldErrors("value")) {
			value = ProgrammePages.number(form.value());
			if (value == null) {
				result.rejectValue("value", "number", "Value must be a number, like 42 or 12.5");
			}
		}
		if (!result.hasErrors()) {
			try {
				if (remove != null) {
					measures.remove(projectId, measureId, current.weekStarting(), form.version(), form.reason().strip());
				}
				else {
					measures.change(projectId, measureId, current.weekStarting(), form.version(), value,
							form.reason().strip());
				}
				redirect.addFlashAttribute("saved", (remove != null ? "Value removed" : "Value corrected")
						+ " for the week commencing " + ProgrammeViews.day(current.weekStarting()));
				return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", form.withVersion(current.version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showValue(model, measure, current);
	}

	@PostMapping("/{measureId}/rebases")
	String rebase(@PathVariable long projectId, @PathVariable long measureId,
			@Valid @ModelAttribute("rebaseForm") RebaseForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		model.addAttribute("form", ValueForm.empty());
		Optional<LocalDate> day = FormDates.parse(form.weekDay(), form.weekMonth(), form.weekYear());
		if (day.isEmpty()) {
			result.rejectValue("weekDay", "date", "Enter a real date in the week, for example 16 11 2026");
		}
		if (!result.hasErrors()) {
			try {
				measures.rebase(projectId, measureId, day.get(), form.reason().strip());
				redirect.addFlashAttribute("saved", "Limits recalculated from the week commencing "
						+ ProgrammeViews.day(IsoWeek.of(day.get()).monday()));
				return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showMeasure(projectId, measureId, model);
	}

	@PostMapping("/{measureId}/rebases/{week}/remove")
	String removeRebase(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		LocalDate monday = monday(week);
		if (!result.hasFieldErrors("reason")) {
			try {
				measures.removeRebase(projectId, measureId, monday, form.reason().strip());
				redirect.addFlashAttribute("saved",
						"Recalculation from the week commencing " + ProgrammeViews.day(monday) + " removed");
				return "redirect:/programme/projects/" + projectId + "/measures/" + measureId;
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return showReason(model, measure, "Remove the recalculation from " + ProgrammeViews.day(monday),
				"The limits will again run across this week.", "Remove recalculation", "rebases/" + week + "/remove");
	}

	@GetMapping("/{measureId}/rebases/{week}/remove")
	String removeRebaseForm(@PathVariable long projectId, @PathVariable long measureId, @PathVariable String week,
			Model model) {
		pages.editable(projectId, model);
		Measure measure = measure(projectId, measureId);
		LocalDate monday = monday(week);
		model.addAttribute("form", ReasonForm.of(0));
		return showReason(model, measure, "Remove the recalculation from " + ProgrammeViews.day(monday),
				"The limits will again run across this week.", "Remove recalculation", "rebases/" + week + "/remove");
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

	private String showMeasure(long projectId, long measureId, Model model) {
		Measure measure = measure(projectId, measureId);
		MeasureChart chart = charts.chart(measure);
		List<ValueRow> rows = new ArrayList<>();
		java.util.Map<LocalDate, Measures.HandValue> hand = new java.util.HashMap<>();
		measures.handValues(measureId).forEach(v -> hand.put(v.weekStarting(), v));
		for (MeasureChart.Week week : chart.weeks()) {
			String variation = week.notJudged() != null
					? (week.notJudged() == MeasureChart.NotJudged.LOW_N
							? "Not judged: n below the minimum of " + measure.minimumN() : week.notJudged().label())
					: week.spc().pointType().label();
			String rebaseReason = chart.rebases()
				.stream()
				.filter(r -> !r.weekStarting().isAfter(week.weekStarting()) && week.rebaseHere())
				.map(r -> r.reason() + " (" + r.createdBy() + ")")
				.reduce((a, b) -> b)
				.orElse(null);
			Measures.HandValue handValue = week.fed() ? null : hand.get(week.weekStarting());
			rows.add(new ValueRow(ProgrammeViews.day(week.weekStarting()), IsoWeek.of(week.weekStarting()).label(),
					SpcChart.number(week.value()), SpcChart.nLabel(week),
					week.fed() ? "Fed from events" : "Entered by hand by " + (handValue == null ? "" : handValue.enteredBy()),
					variation, week.rebaseHere(), rebaseReason, week.weekStarting().toString(),
					handValue == null ? null : handValue.version()));
		}
		model.addAttribute("chart", SpcChart.of(chart, improvement.cycles(projectId)));
		model.addAttribute("rows", rows);
		model.addAttribute("rebases", chart.rebases());
		model.addAttribute("measure", measure);
		model.addAttribute("retiredText", measure.retired() ? "Retired on " + ProgrammeViews.day(measure.retiredOn())
				+ " by " + measure.retiredBy() + ": " + measure.retiredReason() : null);
		model.addAttribute("history", changes.forMeasure(measureId));
		return VIEW_MEASURE;
	}

	private String showForm(Model model, @Nullable Measure measure) {
		model.addAttribute("measureId", measure == null ? null : measure.id());
		model.addAttribute("measureFeed", measure == null || measure.feed() == null ? null : measure.feed().label());
		model.addAttribute("kindOptions", ProgrammePages.options(Measure.Kind.values(), Measure.Kind::label));
		model.addAttribute("directionOptions", ProgrammePages.options(Spc.Direction.values(), SpcChart::directionLabel));
		model.addAttribute("feedOptions", ProgrammePages.options(Feed.values(), Feed::label));
		return VIEW_FORM;
	}

	private String showValue(Model model, Measure measure, Measures.HandValue value) {
		model.addAttribute("measure", measure);
		model.addAttribute("weekCommencing", ProgrammeViews.day(value.weekStarting()));
		model.addAttribute("mondayIso", value.weekStarting().toString());
		return VIEW_VALUE;
	}

	private String showReason(Model model, Measure measure, String heading, String hint, String button,
			String action) {
		model.addAttribute("measure", measure);
		model.addAttribute("heading", heading);
		model.addAttribute("hint", hint);
		model.addAttribute("button", button);
		model.addAttribute("action", "/programme/projects/" + measure.projectId() + "/measures/" + measure.id() + "/"
				+ action);
		model.addAttribute("back", "/programme/projects/" + measure.projectId() + "/measures/" + measure.id());
		return VIEW_REASON;
	}

	/** Turns the typed measure into a draft, adding each problem to the form's errors. */
	private Optional<Measures.Draft> draft(MeasureForm form, @Nullable Feed feed, BindingResult result) {
		String name = MeasureForm.blank(form.name()) ? (feed == null ? "" : feed.label()) : form.name().strip();
		String definition = MeasureForm.blank(form.definition()) ? (feed == null ? "" : feed.definition())
				: form.definition().strip();
		String unit = MeasureForm.blank(form.unit()) ? (feed == null ? "" : feed.unit()) : form.unit().strip();
		Spc.Direction direction = form.direction() != null ? form.direction() : feed == null ? null : feed.direction();
		if (name.isEmpty() && !result.hasFieldErrors("name")) {
			result.rejectValue("name", "required", "Enter the measure name, or choose a feed");
		}
		if (definition.isEmpty() && !result.hasFieldErrors("definition")) {
			result.rejectValue("definition", "required", "Enter the operational definition, or choose a feed");
		}
		if (direction == null && !result.hasFieldErrors("direction")) {
			result.rejectValue("direction", "required", "Choose the improvement direction, or choose a feed");
		}
		if (unit.isEmpty() && !result.hasFieldErrors("unit")) {
			result.rejectValue("unit", "required", "Enter the unit, for example % or people");
		}
		BigDecimal target = null;
		if (!MeasureForm.blank(form.target()) && !result.hasFieldErrors("target")) {
			target = ProgrammePages.number(form.target());
			if (target == null) {
				result.rejectValue("target", "number", "Target must be a number, like 75 or 12.5");
			}
		}
		int minimumN = -1;
		String minimum = ProgrammePages.strip(form.minimumN());
		if (minimum.matches("\\d{1,7}")) {
			minimumN = Integer.parseInt(minimum);
		}
		if ((minimumN < 1 || minimumN > 1_000_000) && !result.hasFieldErrors("minimumN")) {
			result.rejectValue("minimumN", "range", "Minimum n must be a whole number from 1 to 1000000");
		}
		LocalDate feedFrom = null;
		if (feed != null) {
			Optional<LocalDate> day = FormDates.parse(form.feedFromDay(), form.feedFromMonth(), form.feedFromYear());
			if (day.isEmpty()) {
				result.rejectValue("feedFromDay", "date",
						"Enter a real date in the week the feed takes over, for example 16 11 2026");
			}
			else {
				feedFrom = IsoWeek.of(day.get()).monday();
			}
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Measures.Draft(name, form.kind(), definition, direction, unit, target, feed, feedFrom,
				minimumN));
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

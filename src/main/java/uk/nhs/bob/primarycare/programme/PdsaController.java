package uk.nhs.bob.primarycare.programme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording, updating and withdrawing a project's PDSA cycles, each tied to a change idea and its measures. */
@Controller
@RequestMapping("/programme/projects/{projectId}/pdsa")
class PdsaController {

	static final String VIEW_FORM = "programme/pdsa-form";

	private final Improvement improvement;

	private final Measures measures;

	private final ProgrammePages pages;

	PdsaController(Improvement improvement, Measures measures, ProgrammePages pages) {
		this.improvement = improvement;
		this.measures = measures;
		this.pages = pages;
	}

	@GetMapping("/new")
	String newCycle(@PathVariable long projectId, Model model) {
		pages.editable(projectId, model);
		model.addAttribute("form", PdsaForm.empty(measures.active(projectId)));
		return show(projectId, null, model);
	}

	@PostMapping
	String add(@PathVariable long projectId, @Valid @ModelAttribute("form") PdsaForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Optional<Improvement.CycleDraft> draft = draft(form, result);
		if (draft.isPresent()) {
			try {
				PdsaCycle cycle = improvement.addCycle(projectId, draft.get());
				redirect.addFlashAttribute("saved", "PDSA cycle recorded: " + cycle.title());
				return "redirect:/programme/projects/" + projectId + "#pdsa";
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return show(projectId, null, model);
	}

	@GetMapping("/{cycleId}/edit")
	String edit(@PathVariable long projectId, @PathVariable long cycleId, Model model) {
		pages.editable(projectId, model);
		PdsaCycle cycle = cycle(projectId, cycleId);
		model.addAttribute("form", PdsaForm.of(cycle, measures.of(projectId),
				improvement.predictions(projectId).getOrDefault(cycleId, List.of())));
		return show(projectId, cycle, model);
	}

	@PostMapping("/{cycleId}")
	String save(@PathVariable long projectId, @PathVariable long cycleId, @Valid @ModelAttribute("form") PdsaForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		pages.editable(projectId, model);
		PdsaCycle cycle = cycle(projectId, cycleId);
		if (form.version() == null) {
			result.rejectValue("version", "required",
					"This form is out of date or incomplete: open the page again and make your change");
		}
		Optional<Improvement.CycleDraft> draft = draft(form, result);
		if (draft.isPresent()) {
			try {
				improvement.editCycle(projectId, cycleId, form.version(), draft.get());
				redirect.addFlashAttribute("saved", "PDSA cycle saved: " + draft.get().title());
				return "redirect:/programme/projects/" + projectId + "#pdsa";
			}
			catch (Programme.StaleEdit ex) {
				ProgrammePages.stale("form", form.withVersion(cycle(projectId, cycleId).version()), model, response);
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return show(projectId, cycle, model);
	}

	@PostMapping("/{cycleId}/withdraw")
	String withdraw(@PathVariable long projectId, @PathVariable long cycleId,
			@Valid @ModelAttribute("withdrawForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		PdsaCycle cycle = cycle(projectId, cycleId);
		if (result.hasErrors()) {
			throw new Refused(null, "Enter why the cycle is withdrawn, and withdraw it from its own form");
		}
		improvement.withdrawCycle(projectId, cycleId, form.version(), form.reason().strip());
		redirect.addFlashAttribute("saved", "PDSA cycle withdrawn: " + cycle.title());
		return "redirect:/programme/projects/" + projectId + "#pdsa";
	}

	private String show(long projectId, @Nullable PdsaCycle cycle, Model model) {
		model.addAttribute("cycle", cycle == null ? null : cycle.id());
		model.addAttribute("withdrawForm", ReasonForm.of(cycle == null ? 0 : cycle.version()));
		model.addAttribute("actOptions", ProgrammePages.options(PdsaCycle.Act.values(), PdsaCycle.Act::label));
		Map<String, String> ideas = new LinkedHashMap<>();
		List<Improvement.Driver> drivers = improvement.drivers(projectId);
		for (Improvement.Driver idea : drivers) {
			boolean current = cycle != null && cycle.changeIdeaId() != null && cycle.changeIdeaId() == idea.id();
			if (idea.level() == Improvement.Level.CHANGE_IDEA && (!idea.retired() || current)) {
				ideas.put(String.valueOf(idea.id()), idea.text());
			}
		}
		model.addAttribute("ideaOptions", ideas);
		Map<String, String> earlier = new LinkedHashMap<>();
		List<PdsaCycle> cycles = improvement.cycles(projectId);
		for (int i = 0; i < cycles.size(); i++) {
			PdsaCycle other = cycles.get(i);
			if (cycle == null || other.id() != cycle.id()) {
				earlier.put(String.valueOf(other.id()), "PDSA " + (i + 1) + ": " + other.title());
			}
		}
		model.addAttribute("cycleOptions", earlier);
		Map<Long, String> names = new LinkedHashMap<>();
		measures.of(projectId).forEach(m -> names.put(m.id(), m.name()));
		model.addAttribute("measureNames", names);
		return VIEW_FORM;
	}

	private Optional<Improvement.CycleDraft> draft(PdsaForm form, BindingResult result) {
		Optional<LocalDate> start = FormDates.parse(form.startDay(), form.startMonth(), form.startYear());
		if (start.isEmpty()) {
			result.rejectValue("startDay", "date", "Enter a real start date, for example 2 11 2026");
		}
		LocalDate actOn = null;
		boolean actDateBlank = FormDates.blank(form.actDay(), form.actMonth(), form.actYear());
		if (!actDateBlank) {
			Optional<LocalDate> parsed = FormDates.parse(form.actDay(), form.actMonth(), form.actYear());
			if (parsed.isEmpty()) {
				result.rejectValue("actDay", "date", "Enter a real date for the decision, for example 30 11 2026");
			}
			else if (start.isPresent() && parsed.get().isBefore(start.get())) {
				result.rejectValue("actDay", "order", "The decision date must be on or after the start date");
			}
			else {
				actOn = parsed.get();
			}
		}
		if (form.act() != null && actDateBlank) {
			result.rejectValue("actDay", "required",
					"Enter the date of the decision to " + form.act().label().toLowerCase(Locale.UK));
		}
		if (form.act() == null && !actDateBlank && !result.hasFieldErrors("actDay") && !result.hasFieldErrors("act")) {
			result.rejectValue("act", "required", "Choose adopt, adapt or abandon, or clear the decision date");
		}
		if (form.act() != null && MeasureForm.blank(form.study())) {
			result.rejectValue("study", "required", "Enter what you learnt before deciding");
		}
		List<Improvement.Prediction> predictions = new ArrayList<>();
		List<PdsaForm.PredictionForm> typed = form.predictionList();
		for (int i = 0; i < typed.size(); i++) {
			PdsaForm.PredictionForm p = typed.get(i);
			if (p == null || p.measureId() == null) {
				continue;
			}
			if (MeasureForm.blank(p.prediction())) {
				if (!MeasureForm.blank(p.result())) {
					result.rejectValue("predictions[" + i + "].prediction", "required",
							"Enter the prediction for this measure before its result");
				}
				continue;
			}
			predictions.add(new Improvement.Prediction(p.measureId(), p.prediction().strip(),
					ProgrammePages.strip(p.result())));
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Improvement.CycleDraft(form.title().strip(), form.plan().strip(),
				form.prediction().strip(), start.get(), ProgrammePages.strip(form.doNotes()),
				ProgrammePages.strip(form.study()), form.act(), actOn, form.changeIdeaId(), form.followsCycleId(),
				predictions));
	}

	private PdsaCycle cycle(long projectId, long cycleId) {
		return improvement.cycle(projectId, cycleId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

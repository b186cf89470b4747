package uk.nhs.bob.primarycare.programme.improvement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.nhs.bob.primarycare.programme.Editing;
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ReasonForm;
import uk.nhs.bob.primarycare.programme.spc.Measures;

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
		model.addAttribute("form", PdsaForm.empty(measures.of(projectId)));
		return show(projectId, null, model);
	}

	@PostMapping
	String add(@PathVariable long projectId, @Valid @ModelAttribute("form") PdsaForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response, () -> improvement.addCycle(projectId, form.draft()))) {
			redirect.addFlashAttribute("saved", "PDSA cycle recorded: " + form.draft().title());
			return "redirect:/programme/projects/" + projectId + "#pdsa";
		}
		return show(projectId, null, model);
	}

	@GetMapping("/{cycleId}/edit")
	String edit(@PathVariable long projectId, @PathVariable long cycleId, Model model) {
		PdsaCycle cycle = cycle(projectId, cycleId);
		model.addAttribute("form", PdsaForm.of(cycle, measures.of(projectId),
				improvement.predictions(projectId).getOrDefault(cycleId, List.of())));
		return show(projectId, cycleId, model);
	}

	@PostMapping("/{cycleId}")
	String save(@PathVariable long projectId, @PathVariable long cycleId,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") PdsaForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		cycle(projectId, cycleId);
		if (ProgrammePages.change(result, model, response,
				() -> improvement.editCycle(projectId, cycleId, form.version(), form.draft()))) {
			redirect.addFlashAttribute("saved", "PDSA cycle saved: " + form.draft().title());
			return "redirect:/programme/projects/" + projectId + "#pdsa";
		}
		return show(projectId, cycleId, model);
	}

	@GetMapping("/{cycleId}/withdraw")
	String withdrawForm(@PathVariable long projectId, @PathVariable long cycleId, Model model) {
		model.addAttribute("form", ReasonForm.of(cycle(projectId, cycleId).version()));
		return showWithdraw(projectId, cycleId, model);
	}

	@PostMapping("/{cycleId}/withdraw")
	String withdraw(@PathVariable long projectId, @PathVariable long cycleId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		PdsaCycle cycle = cycle(projectId, cycleId);
		if (ProgrammePages.change(result, model, response,
				() -> improvement.withdrawCycle(projectId, cycleId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "PDSA cycle withdrawn: " + cycle.title());
			return "redirect:/programme/projects/" + projectId + "#pdsa";
		}
		return showWithdraw(projectId, cycleId, model);
	}

	private String show(long projectId, @Nullable Long cycleId, Model model) {
		pages.editable(projectId, model);
		PdsaCycle cycle = cycleId == null ? null : cycle(projectId, cycleId);
		model.addAttribute("cycle", cycleId);
		model.addAttribute("actOptions", ProgrammePages.options(PdsaCycle.Act.values(), PdsaCycle.Act::label));
		Map<String, String> ideas = new LinkedHashMap<>();
		for (Improvement.Driver idea : improvement.drivers(projectId)) {
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

	private String showWithdraw(long projectId, long cycleId, Model model) {
		pages.editable(projectId, model);
		PdsaCycle cycle = cycle(projectId, cycleId);
		String project = "/programme/projects/" + projectId;
		return pages.reasonPage(model, "Withdraw the PDSA cycle: " + cycle.title(),
				"For a cycle recorded in error or never run. It stays in the log, marked withdrawn, and leaves the charts.",
				"Withdraw cycle", project + "/pdsa/" + cycleId + "/withdraw", project + "#pdsa");
	}

	private PdsaCycle cycle(long projectId, long cycleId) {
		return improvement.cycle(projectId, cycleId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

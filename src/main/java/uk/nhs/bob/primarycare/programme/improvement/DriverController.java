package uk.nhs.bob.primarycare.programme.improvement;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import uk.nhs.bob.primarycare.programme.ProgrammePages;
import uk.nhs.bob.primarycare.programme.ReasonForm;

/**
 * A project's driver diagram: aim, primary drivers, secondary drivers, change ideas and the cycles testing them;
 * adding to it, changing the wording of a driver and retiring one, each on a form that keeps what was typed.
 */
@Controller
@RequestMapping("/programme/projects/{projectId}/drivers")
class DriverController {

	static final String VIEW = "programme/drivers";

	static final String VIEW_TEXT = "programme/driver-form";

	private final Improvement improvement;

	private final ProjectPage projectPage;

	private final ProgrammePages pages;

	DriverController(Improvement improvement, ProjectPage projectPage, ProgrammePages pages) {
		this.improvement = improvement;
		this.projectPage = projectPage;
		this.pages = pages;
	}

	@GetMapping
	String diagram(@PathVariable long projectId, Model model) {
		pages.describe(projectId, model);
		model.addAttribute("form", DriverForm.empty());
		return show(projectId, model);
	}

	@PostMapping
	String add(@PathVariable long projectId, @Valid @ModelAttribute("form") DriverForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (ProgrammePages.change(result, model, response,
				() -> improvement.addDriver(projectId, form.level(), form.parentId(), form.text().strip()))) {
			redirect.addFlashAttribute("saved", form.level().label() + " added: " + form.text().strip());
			return "redirect:/programme/projects/" + projectId + "/drivers";
		}
		pages.editable(projectId, model);
		return show(projectId, model);
	}

	@GetMapping("/{driverId}")
	String editForm(@PathVariable long projectId, @PathVariable long driverId, Model model) {
		Improvement.Driver driver = driver(projectId, driverId);
		model.addAttribute("form", new DriverTextForm(driver.text(), driver.version()));
		return showText(projectId, driverId, model);
	}

	@PostMapping("/{driverId}")
	String edit(@PathVariable long projectId, @PathVariable long driverId,
			@Valid @ModelAttribute("form") DriverTextForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		driver(projectId, driverId);
		if (ProgrammePages.change(result, model, response,
				() -> improvement.editDriver(projectId, driverId, form.version(), form.text().strip()))) {
			redirect.addFlashAttribute("saved", "Saved: " + form.text().strip());
			return "redirect:/programme/projects/" + projectId + "/drivers";
		}
		return showText(projectId, driverId, model);
	}

	@GetMapping("/{driverId}/retire")
	String retireForm(@PathVariable long projectId, @PathVariable long driverId, Model model) {
		model.addAttribute("form", ReasonForm.of(driver(projectId, driverId).version()));
		return showRetire(projectId, driverId, model);
	}

	@PostMapping("/{driverId}/retire")
	String retire(@PathVariable long projectId, @PathVariable long driverId,
			@Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Improvement.Driver driver = driver(projectId, driverId);
		if (ProgrammePages.change(result, model, response,
				() -> improvement.retireDriver(projectId, driverId, form.version(), form.reason().strip()))) {
			redirect.addFlashAttribute("saved", "Retired: " + driver.text());
			return "redirect:/programme/projects/" + projectId + "/drivers";
		}
		return showRetire(projectId, driverId, model);
	}

	private String show(long projectId, Model model) {
		model.addAttribute("drivers", projectPage.drivers(projectId, improvement.cycles(projectId)));
		Map<String, String> parents = new LinkedHashMap<>();
		for (Improvement.Driver driver : improvement.drivers(projectId)) {
			if (!driver.retired() && driver.level() != Improvement.Level.CHANGE_IDEA) {
				parents.put(String.valueOf(driver.id()), driver.level().label() + ": " + driver.text());
			}
		}
		model.addAttribute("parentOptions", parents);
		model.addAttribute("levelOptions",
				ProgrammePages.options(Improvement.Level.values(), Improvement.Level::label));
		model.addAttribute("aimWhat", pages.project(projectId).aimWhat());
		return VIEW;
	}

	private String showText(long projectId, long driverId, Model model) {
		pages.editable(projectId, model);
		Improvement.Driver driver = driver(projectId, driverId);
		model.addAttribute("driverId", driverId);
		model.addAttribute("level", driver.level().label());
		return VIEW_TEXT;
	}

	private String showRetire(long projectId, long driverId, Model model) {
		pages.editable(projectId, model);
		Improvement.Driver driver = driver(projectId, driverId);
		String diagram = "/programme/projects/" + projectId + "/drivers";
		return pages.reasonPage(model, "Retire " + driver.level().label().toLowerCase(java.util.Locale.UK) + ": "
				+ driver.text(), "It stays on the diagram, marked retired, with the cycles that tested it.",
				"Retire", diagram + "/" + driverId + "/retire", diagram);
	}

	private Improvement.Driver driver(long projectId, long driverId) {
		return improvement.driver(projectId, driverId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

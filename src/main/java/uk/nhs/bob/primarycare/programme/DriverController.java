package uk.nhs.bob.primarycare.programme;

import java.util.LinkedHashMap;
import java.util.Map;

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

/** A project's driver diagram: aim, primary drivers, secondary drivers, change ideas and the cycles testing them. */
@Controller
@RequestMapping("/programme/projects/{projectId}/drivers")
class DriverController {

	static final String VIEW = "programme/drivers";

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
			Model model, RedirectAttributes redirect) {
		pages.editable(projectId, model);
		if (!result.hasErrors()) {
			try {
				Improvement.Driver driver = improvement.addDriver(projectId, form.level(), form.parentId(),
						form.text().strip());
				redirect.addFlashAttribute("saved", driver.level().label() + " added: " + driver.text());
				return "redirect:/programme/projects/" + projectId + "/drivers";
			}
			catch (Refused refused) {
				refused.rejectInto(result);
			}
		}
		return show(projectId, model);
	}

	@PostMapping("/{driverId}")
	String edit(@PathVariable long projectId, @PathVariable long driverId,
			@Valid @ModelAttribute("form") DriverForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		driver(projectId, driverId);
		if (form.version() == null && !result.hasFieldErrors("version")) {
			result.rejectValue("version", "required",
					"This form is out of date or incomplete: open the page again and make your change");
		}
		if (!result.hasFieldErrors("text") && !result.hasFieldErrors("version")) {
			improvement.editDriver(projectId, driverId, form.version(), form.text().strip());
			redirect.addFlashAttribute("saved", "Saved: " + form.text().strip());
			return "redirect:/programme/projects/" + projectId + "/drivers";
		}
		throw new Refused(null, result.getAllErrors().get(0).getDefaultMessage());
	}

	@PostMapping("/{driverId}/retire")
	String retire(@PathVariable long projectId, @PathVariable long driverId,
			@Valid @ModelAttribute("retireForm") ReasonForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		pages.editable(projectId, model);
		Improvement.Driver driver = driver(projectId, driverId);
		if (result.hasErrors()) {
			throw new Refused(null, "Enter why \"" + driver.text() + "\" is retired");
		}
		improvement.retireDriver(projectId, driverId, form.version(), form.reason().strip());
		redirect.addFlashAttribute("saved", "Retired: " + driver.text());
		return "redirect:/programme/projects/" + projectId + "/drivers";
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
		Project project = pages.project(projectId);
		model.addAttribute("aimWhat", project.aimWhat());
		return VIEW;
	}

	private Improvement.Driver driver(long projectId, long driverId) {
		return improvement.driver(projectId, driverId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

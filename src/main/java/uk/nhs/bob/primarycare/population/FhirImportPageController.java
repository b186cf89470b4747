package uk.nhs.bob.primarycare.population;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * ICB administrators upload a FHIR R4 bundle (for example from a GP system export or a test generator); it is
 * imported in the background and the job page shows its progress and then what was created and what was skipped.
 */
@Controller
@RequestMapping("/admin/population/import")
@PreAuthorize("hasRole('ICB_ADMIN')")
class FhirImportPageController {

	static final String VIEW_FORM = "population/import";

	static final String VIEW_JOB = "population/import-job";

	private final FhirImportJobs jobs;

	private final Directory directory;

	FhirImportPageController(FhirImportJobs jobs, Directory directory) {
		this.jobs = jobs;
		this.directory = directory;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", FhirImportForm.empty());
		return showForm(model);
	}

	@PostMapping
	String upload(@Valid @ModelAttribute("form") FhirImportForm form, BindingResult result, Principal principal,
			Model model) throws IOException {
		if (result.hasErrors()) {
			return showForm(model);
		}
		UUID id = jobs.start(principal.getName(), form.bundle(),
				new FhirImportOptions(OdsCode.parse(form.practice()).orElse(null)));
		return "redirect:/admin/population/import/" + id;
	}

	@GetMapping("/{id}")
	String job(@PathVariable String id, Model model) {
		FhirImportJobs.Job job = parseId(id).flatMap(jobs::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("job", job);
		model.addAttribute("skipped", job.status() == FhirImportJobs.Status.DONE ? jobs.skipped(job.id()) : java.util.List.of());
		if (job.running()) {
			// the layout turns this into a meta refresh: progress without any script
			model.addAttribute("refreshSeconds", 2);
		}
		return VIEW_JOB;
	}

	private String showForm(Model model) {
		Map<String, String> practices = new LinkedHashMap<>();
		directory.practices()
			.forEach(p -> practices.put(p.odsCode().value(), p.name() + " (" + p.odsCode() + "), " + p.placeName()));
		model.addAttribute("practiceOptions", practices);
		model.addAttribute("recent", jobs.recent(10));
		return VIEW_FORM;
	}

	private static Optional<UUID> parseId(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}

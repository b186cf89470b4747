package uk.nhs.bob.primarycare.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import org.springframework.web.util.UriComponentsBuilder;

import uk.nhs.bob.primarycare.directory.DirectoryAdministration.DuplicateOdsCode;
import uk.nhs.bob.primarycare.directory.DirectoryAdministration.StaleEdit;
import uk.nhs.bob.primarycare.shared.OdsCode;

/** ICB administrators add GP practices and edit their name, postcode and PCN. */
@Controller
@RequestMapping("/admin/directory/practices")
@PreAuthorize("hasRole('ICB_ADMIN')")
class PracticeAdminController {

	static final String VIEW_FORM = "directory/practice-form";

	static final String CONFLICT_MESSAGE = "Someone else saved changes to this practice after you opened it, so your "
			+ "changes have not been saved. Your changes are still in the form below. Check the practice's current "
			+ "details, then save again if you want yours to replace them.";

	private final Directory directory;

	private final DirectoryAdministration administration;

	private final CodeRecheck codeRecheck;

	PracticeAdminController(Directory directory, DirectoryAdministration administration, CodeRecheck codeRecheck) {
		this.directory = directory;
		this.administration = administration;
		this.codeRecheck = codeRecheck;
	}

	@GetMapping("/new")
	String newPractice(Model model) {
		model.addAttribute("form", PracticeForm.empty());
		return showForm(model, null);
	}

	@PostMapping
	String addPractice(@Validated({ Default.class, Adding.class }) @ModelAttribute("form") PracticeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Optional<PracticeDetails> details = form.check(result, null);
		if (details.isEmpty()) {
			return showForm(model, null);
		}
		try {
			administration.addPractice(details.get());
			redirect.addFlashAttribute("saved", "Practice added: " + details.get().name());
			return redirectToList(details.get().odsCode());
		}
		catch (DuplicateOdsCode ex) {
			codeRecheck.takenMeanwhile(form, result);
			return showForm(model, null);
		}
	}

	@GetMapping("/{ods}/edit")
	String editPractice(@PathVariable String ods, Model model) {
		PracticeSummary practice = find(ods);
		long version = administration.practiceVersion(practice.odsCode())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("form", PracticeForm.of(practice, version));
		return showForm(model, practice);
	}

	@PostMapping("/{ods}")
	String savePractice(@PathVariable String ods, @Valid @ModelAttribute("form") PracticeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		PracticeSummary practice = find(ods);
		Optional<PracticeDetails> details = form.check(result, practice.odsCode());
		if (details.isEmpty()) {
			return showForm(model, practice);
		}
		try {
			if (!administration.editPractice(form.expectedVersion(), details.get())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("saved", "Practice saved: " + details.get().name());
			return redirectToList(practice.odsCode());
		}
		catch (StaleEdit ex) {
			long latest = administration.practiceVersion(practice.odsCode()).orElse(-1L);
			PracticeForm kept = form.withVersion(latest);
			StaleEditResponse.show(kept, CONFLICT_MESSAGE, model, response);
			return showForm(model, find(ods));
		}
	}

	private String showForm(Model model, @Nullable PracticeSummary practice) {
		model.addAttribute("practice", practice);
		Map<String, String> pcnOptions = new LinkedHashMap<>();
		directory.pcns().forEach(p -> pcnOptions.put(p.odsCode(), p.name() + " (" + p.placeName() + ")"));
		model.addAttribute("pcnOptions", pcnOptions);
		return VIEW_FORM;
	}

	private PracticeSummary find(String ods) {
		return OdsCode.parse(ods)
			.flatMap(directory::practice)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String redirectToList(OdsCode odsCode) {
		return "redirect:" + UriComponentsBuilder.fromPath("/directory/practices")
			.queryParam("q", odsCode.value())
			.build()
			.toUriString();
	}

}

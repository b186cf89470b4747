package uk.nhs.bob.primarycare.programme.cohorts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
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
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.ProgrammePages;

/**
 * The ICB administrators' editing of workstreams and cohorts. Each handler binds its form (Bean Validation), makes one
 * call to {@link Programme} and picks the view.
 */
@Controller
@RequestMapping("/programme")
class CohortController {

	static final String VIEW_WORKSTREAM_FORM = "programme/workstream-form";

	static final String VIEW_COHORT_FORM = "programme/cohort-form";

	private final Programme programme;

	private final ProgrammeAccess access;

	CohortController(Programme programme, ProgrammeAccess access) {
		this.programme = programme;
		this.access = access;
	}

	@GetMapping("/workstreams/{code}/edit")
	String editWorkstream(@PathVariable String code, Model model) {
		access.checkAdministrator();
		Workstream workstream = workstream(code);
		model.addAttribute("form", WorkstreamForm.of(workstream));
		describe(workstream, model);
		return VIEW_WORKSTREAM_FORM;
	}

	@PostMapping("/workstreams/{code}")
	String saveWorkstream(@PathVariable String code, @Valid @ModelAttribute("form") WorkstreamForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Workstream workstream = workstream(code);
		if (ProgrammePages.change(result, model, response, () -> programme.editWorkstream(code, form.version(),
				form.name().strip(), form.description().strip()))) {
			redirect.addFlashAttribute("saved", "Workstream saved: " + form.name().strip());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream, model);
		return VIEW_WORKSTREAM_FORM;
	}

	@GetMapping("/workstreams/{code}/cohorts/new")
	String newCohort(@PathVariable String code, Model model) {
		access.checkAdministrator();
		describe(workstream(code), model);
		model.addAttribute("cohortId", null);
		model.addAttribute("form", CohortForm.empty());
		return VIEW_COHORT_FORM;
	}

	@PostMapping("/workstreams/{code}/cohorts")
	String addCohort(@PathVariable String code, @Valid @ModelAttribute("form") CohortForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Workstream workstream = workstream(code);
		if (ProgrammePages.change(result, model, response, () -> programme.addCohort(code, form.name().strip(),
				form.startsOn(), form.endsOn(), form.maxSites(), ProgrammePages.strip(form.description())))) {
			redirect.addFlashAttribute("saved", "Cohort added: " + form.name().strip() + " of " + workstream.name());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream, model);
		model.addAttribute("cohortId", null);
		return VIEW_COHORT_FORM;
	}

	@GetMapping("/cohorts/{id}/edit")
	String editCohort(@PathVariable long id, Model model) {
		access.checkAdministrator();
		Cohort cohort = cohort(id);
		describe(workstream(cohort.workstreamCode()), model);
		model.addAttribute("cohortId", cohort.id());
		model.addAttribute("form", CohortForm.of(cohort));
		return VIEW_COHORT_FORM;
	}

	@PostMapping("/cohorts/{id}")
	String saveCohort(@PathVariable long id,
			@Validated({ Default.class, Editing.class }) @ModelAttribute("form") CohortForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Cohort cohort = cohort(id);
		if (ProgrammePages.change(result, model, response, () -> programme.editCohort(id, form.version(),
				form.name().strip(), form.startsOn(), form.endsOn(), form.maxSites(),
				ProgrammePages.strip(form.description())))) {
			redirect.addFlashAttribute("saved", "Cohort saved: " + form.name().strip());
			return "redirect:/programme";
		}
		access.checkAdministrator();
		describe(workstream(cohort.workstreamCode()), model);
		model.addAttribute("cohortId", cohort.id());
		return VIEW_COHORT_FORM;
	}

	private static void describe(Workstream workstream, Model model) {
		model.addAttribute("workstreamCode", workstream.code());
		model.addAttribute("workstreamName", workstream.name());
	}

	private Workstream workstream(String code) {
		return programme.workstream(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Cohort cohort(long id) {
		return programme.cohort(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
